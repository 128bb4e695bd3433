// The names of the domain's enumerations, as stored and as sent over the API.
#include "domain/achievement.hpp"
#include "domain/people.hpp"
#include "domain/sitting.hpp"

namespace exam::domain {

std::string_view to_string(Role r) {
    switch (r) {
        case Role::ao_admin: return "ao_admin";
        case Role::centre_admin: return "centre_admin";
        case Role::invigilator: return "invigilator";
    }
    return "?";
}

std::optional<Role> parse_role(std::string_view s) {
    if (s == "ao_admin") return Role::ao_admin;
    if (s == "centre_admin") return Role::centre_admin;
    if (s == "invigilator") return Role::invigilator;
    return std::nullopt;
}

std::string_view to_string(SessionStatus s) {
    switch (s) {
        case SessionStatus::scheduled: return "scheduled";
        case SessionStatus::open: return "open";
        case SessionStatus::closed: return "closed";
    }
    return "?";
}

std::string_view to_string(AttemptState s) {
    switch (s) {
        case AttemptState::booked: return "booked";
        case AttemptState::admitted: return "admitted";
        case AttemptState::in_progress: return "in_progress";
        case AttemptState::paused: return "paused";
        case AttemptState::submitted: return "submitted";
        case AttemptState::marked: return "marked";
        case AttemptState::void_: return "void";
    }
    return "?";
}

std::optional<AttemptState> parse_attempt_state(std::string_view s) {
    for (auto st : {AttemptState::booked, AttemptState::admitted, AttemptState::in_progress, AttemptState::paused, AttemptState::submitted,
                    AttemptState::marked, AttemptState::void_}) {
        if (to_string(st) == s) return st;
    }
    return std::nullopt;
}

std::string_view to_string(SubmittedBy s) {
    switch (s) {
        case SubmittedBy::candidate: return "candidate";
        case SubmittedBy::time_out: return "time_out";
        case SubmittedBy::invigilator: return "invigilator";
    }
    return "?";
}

std::string_view to_string(AchievementRoute r) {
    switch (r) {
        case AchievementRoute::onscreen_test: return "onscreen_test";
        case AchievementRoute::internal_assessment: return "internal_assessment";
        case AchievementRoute::recognition_of_prior_learning: return "recognition_of_prior_learning";
        case AchievementRoute::credit_transfer: return "credit_transfer";
    }
    return "?";
}

std::optional<AchievementRoute> parse_achievement_route(std::string_view s) {
    for (auto r : {AchievementRoute::onscreen_test, AchievementRoute::internal_assessment,
                   AchievementRoute::recognition_of_prior_learning, AchievementRoute::credit_transfer}) {
        if (to_string(r) == s) return r;
    }
    return std::nullopt;
}

}  // namespace exam::domain
