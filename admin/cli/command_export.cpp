// exam-admin export: writes one unit's items (with its test, or one form) as a
// QTI 3.0 or 2.1 content package or as Moodle XML, and reports what the target
// could not hold.
#include <boost/json.hpp>

#include <ostream>

#include "cli.hpp"
#include "item_bank/bank.hpp"
#include "atomic_write.hpp"
#include "item_interchange/unit_export.hpp"

namespace exam_admin {
namespace json = boost::json;
namespace {

constexpr const char* usage_text =
    "usage: exam-admin export --unit CODE --format qti30|qti21|moodle-xml [--form ID] [--bank DIR] [--json] --out FILE\n";

}  // namespace

int command_export(const std::vector<std::string>& args, Streams io) {
    std::string unit_code, format_name, form_id, bank_flag;
    std::filesystem::path out_file;
    bool as_json = false;
    for (std::size_t i = 0; i < args.size(); ++i) {
        const bool has_value = i + 1 < args.size();
        if (args[i] == "--unit" && has_value) {
            unit_code = args[++i];
        } else if (args[i] == "--format" && has_value) {
            format_name = args[++i];
        } else if (args[i] == "--form" && has_value) {
            form_id = args[++i];
        } else if (args[i] == "--bank" && has_value) {
            bank_flag = args[++i];
        } else if (args[i] == "--out" && has_value) {
            out_file = args[++i];
        } else if (args[i] == "--json") {
            as_json = true;
        } else {
            io.err << "exam-admin export: unexpected argument " << args[i] << "\n" << usage_text;
            return exit_usage;
        }
    }
    const auto format = item_interchange::export_format_named(format_name);
    if (unit_code.empty() || out_file.empty() || !format) {
        if (!format_name.empty() && !format) io.err << "exam-admin export: unknown format " << format_name << "\n";
        io.err << usage_text;
        return exit_usage;
    }
    const auto loaded = item_bank::load_bank({bank_location(bank_flag)});
    if (!loaded.bank) {
        for (const auto& e : loaded.errors) io.err << e.to_string() << "\n";
        io.err << "exam-admin export: the bank does not load, nothing written\n";
        return exit_invalid;
    }
    auto exported = item_interchange::export_unit(*loaded.bank, unit_code, form_id, *format);
    if (exported.failure != item_interchange::UnitExport::Failure::none) {
        io.err << "exam-admin export: " << exported.error << "\n";
        return exported.failure == item_interchange::UnitExport::Failure::not_made ? exit_invalid : exit_usage;
    }
    const auto& result = exported.result;
    if (auto error = write_file_atomically(out_file, result.bytes); !error.empty()) {
        io.err << "exam-admin export: " << error << "\n";
        return exit_invalid;
    }
    if (as_json) {
        json::array warnings;
        for (const auto& w : result.warnings) warnings.push_back(json::object{{"item", w.item}, {"message", w.message}});
        io.out << json::serialize(json::object{{"unit", unit_code},
                                               {"format", item_interchange::to_string(*format)},
                                               {"form", form_id.empty() ? json::value(nullptr) : json::value(form_id)},
                                               {"out", out_file.string()},
                                               {"bytes", result.bytes.size()},
                                               {"items", result.items},
                                               {"tests", result.tests},
                                               {"warnings", std::move(warnings)}})
               << "\n";
    } else {
        io.out << unit_code << " as " << item_interchange::to_string(*format) << ": " << result.items << " items, "
               << result.tests << (result.tests == 1 ? " test" : " tests") << ", written to " << out_file.string() << "\n";
        for (const auto& w : result.warnings) {
            io.out << "  warning: " << (w.item.empty() ? "" : w.item + ": ") << w.message << "\n";
        }
    }
    return exit_ok;
}

}  // namespace exam_admin
