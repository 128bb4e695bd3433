#pragma once
// How an item's assessment criteria travel in other systems' files: as the
// identifier "AC:<unit>:<criterion>" (a GIFT or Moodle tag, a curriculum
// standards GUID, a LOM taxon id), with "LO:<unit>:<outcome>" beside it where
// a format has room for the learning outcome too. Unit codes hold '/' but
// never ':', so the last ':' splits the criterion off.

#include <optional>
#include <string>
#include <string_view>

#include "item_interchange/import_report.hpp"

namespace item_interchange {

std::string criterion_tag(std::string_view unit, std::string_view criterion);
std::string outcome_tag(std::string_view unit, std::string_view outcome);

struct CriterionReference {
    std::string unit;
    std::string criterion;
};

// The unit and criterion of an "AC:<unit>:<criterion>" identifier (white space
// around it ignored), or nothing when it is not one.
std::optional<CriterionReference> parse_criterion_tag(std::string_view text);

// Adds the criterion to the item when it names the import's unit (once, in
// the order found: the first is primary); a criterion of another unit is a
// warning on the item ("<found_as> AC:… maps to another unit than …"), never a mapping.
void map_criterion(ImportedItem& imported, const CriterionReference& reference, const std::string& unit,
                   std::string_view found_as);

// A GIFT or Moodle tag: "AC:<unit>:<criterion>" maps the item (map_criterion,
// found as "tag"); one that starts "AC:" but is not of that form is a warning
// on the item; any other tag ("easy", "all-or-nothing") is not a mapping.
void map_tag(ImportedItem& imported, std::string_view tag, const std::string& unit);

}  // namespace item_interchange
