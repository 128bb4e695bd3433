#pragma once
// The credit ledger and what it means: unit achievements by every route, and
// each registration's progress toward its qualification as the rules of
// combination judge it. One unit's credit counts toward every qualification
// that contains it (DESIGN invariant 5).

#include <memory>
#include <string>
#include <vector>

#include "domain/achievement.hpp"
#include "domain/clock.hpp"
#include "domain/result.hpp"
#include "item_bank/bank.hpp"
#include "item_bank/rules_evaluator.hpp"
#include "storage/ledger_store.hpp"
#include "storage/people_store.hpp"

namespace exam::services {

struct NewAchievement {
    std::string unit_code;
    domain::AchievementRoute route = domain::AchievementRoute::internal_assessment;
    std::string evidence;
    std::string achieved_on;  // YYYY-MM-DD
};

struct QualificationProgress {
    const item_bank::Qualification* qualification = nullptr;
    item_bank::RulesOutcome outcome;
};

class CreditLedger {
public:
    CreditLedger(storage::PeopleStore& people, storage::LedgerStore& ledger, const domain::Clock& clock,
                 std::shared_ptr<const item_bank::Bank> bank)
        : people_(people), ledger_(ledger), clock_(clock), bank_(std::move(bank)) {}

    domain::Result<std::vector<domain::Achievement>> achievements(const domain::Principal& actor, domain::Id candidate);
    // Internal assessment, recognition of prior learning or credit transfer, with an evidence reference.
    void record(const domain::Principal& actor, domain::Id candidate, NewAchievement a,
                domain::Completion<domain::Achievement> done);
    void void_achievement(const domain::Principal& actor, domain::Id achievement, std::string reason,
                          domain::Completion<domain::Done> done);
    domain::Result<std::vector<QualificationProgress>> progress(const domain::Principal& actor, domain::Id candidate);

private:
    domain::Result<domain::Candidate> visible_candidate(const domain::Principal& actor, domain::Id candidate,
                                                        bool to_change);

    storage::PeopleStore& people_;
    storage::LedgerStore& ledger_;
    const domain::Clock& clock_;
    std::shared_ptr<const item_bank::Bank> bank_;
};

}  // namespace exam::services
