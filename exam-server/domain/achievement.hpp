#pragma once
// A unit achievement: one entry of the credit ledger.

#include <optional>
#include <string>
#include <string_view>

#include "domain/people.hpp"

namespace exam::domain {

enum class AchievementRoute { onscreen_test, internal_assessment, recognition_of_prior_learning, credit_transfer };
std::string_view to_string(AchievementRoute r);
std::optional<AchievementRoute> parse_achievement_route(std::string_view s);

struct Achievement {
    Id id = 0;
    Id candidate_id = 0;
    std::string unit_code;
    std::string achieved_on;  // YYYY-MM-DD
    AchievementRoute route = AchievementRoute::onscreen_test;
    std::optional<Id> attempt_id;  // onscreen tests
    std::string evidence;          // a reference to the evidence kept by the centre, or the attempt
    bool active = true;
    std::string void_reason;
    std::string recorded_by;
};

}  // namespace exam::domain
