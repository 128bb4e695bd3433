#pragma once
// Results for centres (issue 4 §6): per session, candidate, unit or
// qualification, within a date range. A centre sees only its own (DESIGN
// invariant 6). Unreleased results are shown to centre staff labelled
// provisional: they are staff, not candidates.

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "domain/result.hpp"
#include "domain/result_line.hpp"
#include "item_bank/bank.hpp"
#include "storage/people_store.hpp"
#include "storage/results_store.hpp"

namespace exam::services {

struct ResultFilter {
    std::optional<domain::Millis> from;
    std::optional<domain::Millis> to;
    std::optional<std::string> unit;
    std::optional<domain::Id> session;
    std::optional<std::string> candidate_number;
    std::optional<std::string> qualification;  // the units of that qualification
};

class ResultsService {
public:
    ResultsService(storage::PeopleStore& people, storage::ResultsStore& results,
                   std::shared_ptr<const item_bank::Bank> bank)
        : people_(people), results_(results), bank_(std::move(bank)) {}

    // AO admins and the centre's admins. Invigilators run sessions but do not
    // pull results (403); another centre is reported missing (404).
    domain::Result<std::vector<domain::ResultLine>> results(const domain::Principal& actor, domain::Id centre,
                                                            const ResultFilter& filter);

private:
    storage::PeopleStore& people_;
    storage::ResultsStore& results_;
    std::shared_ptr<const item_bank::Bank> bank_;
};

}  // namespace exam::services
