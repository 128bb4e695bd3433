#include "domain/marking.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

namespace exam::domain {

bool response_is_correct(const item_bank::Item& item, const std::vector<std::string>& selected) {
    return item_bank::response_credit(item, selected) >= 1.0;
}

AttemptResult mark_attempt(const Attempt& attempt, const item_bank::TestSpecification& spec,
                           const ItemVersionLookup& items) {
    AttemptResult r;
    std::map<std::string, OutcomeScore> outcomes;
    for (const auto& entry : spec.blueprint) outcomes[entry.learning_outcome] = {entry.learning_outcome, 0, 0};
    for (std::size_t i = 0; i < attempt.form.size(); ++i) {
        const item_bank::Item* item = items(attempt.form[i].item_id, attempt.form[i].version);
        if (item == nullptr) continue;  // unreachable for a frozen form: versions are kept for ever
        auto& o = outcomes[item->primary_outcome()];
        o.learning_outcome = item->primary_outcome();
        ++o.available;
        ++r.available;
        const auto& selected = i < attempt.responses.size() ? attempt.responses[i].selected : std::vector<std::string>{};
        // One mark per item, of which a weighted item may award a share.
        const double credit = item_bank::response_credit(*item, selected);
        o.marks += credit;
        r.raw_score += credit;
    }
    r.pass_mark = spec.pass_mark;
    r.passed = r.raw_score + 1e-9 >= spec.pass_mark;  // 1/3 + 2/3 may fall a hair short of 1
    r.percentage = r.available == 0 ? 0.0 : std::round(1000.0 * r.raw_score / r.available) / 10.0;
    // Blueprint order first, so reports read in the specification's order.
    for (const auto& entry : spec.blueprint) {
        r.by_outcome.push_back(outcomes[entry.learning_outcome]);
        outcomes.erase(entry.learning_outcome);
    }
    for (auto& [lo, score] : outcomes) r.by_outcome.push_back(score);
    r.released = spec.release == item_bank::ReleasePolicy::immediate;
    return r;
}

}  // namespace exam::domain
