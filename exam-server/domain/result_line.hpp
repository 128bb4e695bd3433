#pragma once
// One line of a centre's results report: a booking, its candidate and
// session, and the attempt's state and result if the candidate sat.

#include <optional>
#include <string>

#include "domain/people.hpp"
#include "domain/sitting.hpp"

namespace exam::domain {

struct ResultLine {
    Id session_id = 0;
    Millis session_starts_at = 0;
    std::string unit_code;
    Id candidate_id = 0;
    std::string candidate_number;
    std::string given_name;
    std::string family_name;
    std::string uln;
    std::optional<Id> attempt_id;  // none: booked, not yet admitted
    std::string state;             // "booked" or the attempt's state
    std::optional<std::string> submitted_by;
    std::optional<Millis> submitted_at;
    std::optional<AttemptResult> result;
};

}  // namespace exam::domain
