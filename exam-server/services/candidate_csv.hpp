#pragma once
// Candidates from a CSV file (RFC 4180: commas, double-quoted fields with ""
// for a quote, CRLF or LF line ends). The first line names the columns:
// candidate_number, given_name, family_name, date_of_birth, uln, and
// optionally extra_time_percent, in any order.

#include <string>
#include <string_view>
#include <vector>

#include "services/candidate_registry.hpp"

namespace exam::services {

struct CsvCandidates {
    std::vector<CandidateDraft> drafts;
    std::vector<std::size_t> lines;  // the file line of each draft, for messages
    std::vector<RowProblem> problems;  // `row` is a file line number (1 = the header)
};

CsvCandidates parse_candidate_csv(std::string_view text);

}  // namespace exam::services
