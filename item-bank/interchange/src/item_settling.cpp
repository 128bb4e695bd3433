#include <cctype>

#include "item_bank/item_validation.hpp"
#include "item_interchange/import_report.hpp"

namespace item_interchange {

bool settle_status(ImportedItem& imported, const ImportOptions& options, std::string& reason) {
    auto& item = imported.item;
    item.unit = options.unit;
    // Judged as if live: whatever it breaks is what keeps it a draft.
    item.status = item_bank::ItemStatus::live;
    std::vector<std::string> rules;
    for (const auto& p : item_bank::validate_item(item, options.unit_spec)) {
        if (p.pointer == "/unit") continue;  // the unit is checked once for the whole import
        if (p.pointer == "/rationale") {
            rules.push_back("rationale: " + p.message);
        } else if (!p.rule.empty()) {
            rules.push_back(p.rule + ": " + p.message);
        } else {
            reason = (p.pointer.empty() ? "" : p.pointer + ": ") + p.message;
            return false;
        }
    }
    if (options.unit_spec == nullptr) rules.push_back("unit: unit '" + options.unit + "' is not defined in the bank");
    item.status = rules.empty() ? item_bank::ItemStatus::live : item_bank::ItemStatus::draft;
    imported.broken_rules = std::move(rules);
    return true;
}

std::string item_id_from(const std::string& prefix, const std::string& source_id) {
    std::string out = prefix;
    for (char c : source_id) {
        const auto uc = static_cast<unsigned char>(c);
        if (std::isalnum(uc) || c == '-' || c == '_') {
            out += c;
        } else if (!out.empty() && out.back() != '-') {
            out += '-';
        }
        if (out.size() >= 64) break;
    }
    while (!out.empty() && out.back() == '-') out.pop_back();
    return out.empty() ? "item" : out;
}

}  // namespace item_interchange
