#include "item_interchange/ac_mapping.hpp"

#include <algorithm>

namespace item_interchange {

std::string criterion_tag(std::string_view unit, std::string_view criterion) {
    return "AC:" + std::string(unit) + ":" + std::string(criterion);
}

std::string outcome_tag(std::string_view unit, std::string_view outcome) {
    return "LO:" + std::string(unit) + ":" + std::string(outcome);
}

std::optional<CriterionReference> parse_criterion_tag(std::string_view text) {
    const auto first = text.find_first_not_of(" \t\r\n");
    if (first == std::string_view::npos) return std::nullopt;
    text = text.substr(first, text.find_last_not_of(" \t\r\n") - first + 1);
    const auto colon = text.rfind(':');
    if (!text.starts_with("AC:") || colon == std::string_view::npos || colon <= 3 || colon + 1 == text.size()) {
        return std::nullopt;
    }
    return CriterionReference{std::string(text.substr(3, colon - 3)), std::string(text.substr(colon + 1))};
}

void map_criterion(ImportedItem& imported, const CriterionReference& reference, const std::string& unit,
                   std::string_view found_as) {
    auto& criteria = imported.item.criteria;
    if (reference.unit != unit) {
        imported.warnings.push_back(std::string(found_as) + " " + criterion_tag(reference.unit, reference.criterion) +
                                    " maps to another unit than " + unit);
    } else if (std::find(criteria.begin(), criteria.end(), reference.criterion) == criteria.end()) {
        criteria.push_back(reference.criterion);
    }
}

void map_tag(ImportedItem& imported, std::string_view tag, const std::string& unit) {
    if (auto reference = parse_criterion_tag(tag)) return map_criterion(imported, *reference, unit, "tag");
    const auto first = tag.find_first_not_of(" \t\r\n");
    if (first == std::string_view::npos || !tag.substr(first).starts_with("AC:")) return;
    const auto last = tag.find_last_not_of(" \t\r\n");
    imported.warnings.push_back("tag " + std::string(tag.substr(first, last - first + 1)) +
                                " is not a mapping: expected AC:<unit>:<criterion>");
}

}  // namespace item_interchange
