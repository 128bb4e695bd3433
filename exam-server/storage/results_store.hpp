#pragma once
// Reading results for reports: every booking of a centre's sessions with its
// attempt, filtered in the query. Read-only; results are written by the
// attempt store.

#include <optional>
#include <string>
#include <vector>

#include "domain/result_line.hpp"

namespace exam::storage {

struct ResultQuery {
    domain::Id centre = 0;
    std::optional<domain::Millis> from;  // sessions starting at or after
    std::optional<domain::Millis> to;    // sessions starting before
    std::optional<std::string> unit;
    std::optional<domain::Id> session;
    std::optional<std::string> candidate_number;
};

class ResultsStore {
public:
    virtual ~ResultsStore() = default;
    // Ordered by session start, session, candidate number.
    virtual std::vector<domain::ResultLine> results(const ResultQuery& query) = 0;
};

}  // namespace exam::storage
