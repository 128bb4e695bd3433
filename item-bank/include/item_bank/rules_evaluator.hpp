#pragma once
// Evaluates a qualification's rules of combination against the units a
// candidate has achieved. The choice of counting units is exact: if any valid
// combination exists, the qualification is achieved.

#include <functional>
#include <set>
#include <string>
#include <vector>

#include "item_bank/qualification.hpp"

namespace item_bank {

using UnitLookup = std::function<const Unit*(const std::string& code)>;

struct GroupProgress {
    std::string group_id;
    std::string title;
    int credits = 0;  // credits that count from the group
    int units = 0;    // units that count from the group
};

struct RulesOutcome {
    bool achieved = false;
    int credits = 0;                          // credits of the units that count
    std::vector<std::string> counted_units;   // in the qualification's order
    std::vector<std::string> uncounted_units; // achieved and in the qualification, but not counting
    std::vector<std::string> foreign_units;   // achieved but not part of the qualification
    std::vector<GroupProgress> groups;
    std::vector<std::string> missing;         // sentences; empty when achieved
};

// Units the lookup does not know are treated as not achieved; callers that
// must refuse unknown codes check them before calling.
RulesOutcome evaluate_rules(const Qualification& qualification, const UnitLookup& lookup,
                            const std::set<std::string>& achieved_units);

}  // namespace item_bank
