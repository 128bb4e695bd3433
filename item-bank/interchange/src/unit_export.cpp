#include "item_interchange/unit_export.hpp"

namespace item_interchange {

UnitExport export_unit(const item_bank::Bank& bank, const std::string& unit, const std::string& form_id,
                       ExportFormat format) {
    UnitExport out;
    ExportInput input;
    input.unit = bank.unit(unit);
    if (input.unit == nullptr) {
        out.failure = UnitExport::Failure::unknown_unit;
        out.error = "unknown unit " + unit;
        return out;
    }
    input.test = bank.test_specification(unit);
    input.media = [&bank](const std::string& name) -> std::shared_ptr<const std::string> {
        const auto* file = bank.media(name);
        return file ? file->bytes : nullptr;
    };
    std::vector<ExportWarning> form_warnings;
    if (!form_id.empty()) {
        if (input.test != nullptr) {
            for (const auto& f : input.test->forms) {
                if (f.id == form_id) input.form = &f;
            }
        }
        if (input.form == nullptr) {
            out.failure = UnitExport::Failure::unknown_form;
            out.error = "unit " + unit + " has no form " + form_id;
            return out;
        }
        for (const auto& fi : input.form->items) {
            const auto* item = bank.item(fi.item_id);
            if (item == nullptr) continue;  // the loader has already refused a form naming an unknown item
            if (item->version != fi.version) {
                form_warnings.push_back({item->id, "the form names version " + std::to_string(fi.version) +
                                                       ", the bank holds version " + std::to_string(item->version) +
                                                       ", which is written"});
            }
            input.items.push_back(item);
        }
    } else {
        input.items = bank.items_of_unit(unit);
    }
    out.result = export_items(input, format);
    out.result.warnings.insert(out.result.warnings.begin(), form_warnings.begin(), form_warnings.end());
    if (out.result.bytes.empty()) {
        out.failure = UnitExport::Failure::not_made;
        out.error = "the " + std::string(to_string(format)) + " file could not be made";
    }
    return out;
}

}  // namespace item_interchange
