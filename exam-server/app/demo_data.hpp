#pragma once
// Demo data for the quick start: an awarding organisation admin, a centre with
// an admin and an invigilator, registered candidates, and an open session for
// a Pearson unit test happening now, created through the services as a person
// would. Passwords are fixed and printed: demo data is for trying, not for use.

#include <string>

#include "domain/clock.hpp"

namespace exam::storage {
class PeopleStore;
}
namespace exam::services {
class IdentityService;
class CandidateRegistry;
class SessionService;
class InvigilationService;
}  // namespace exam::services

namespace exam::app {

struct DemoServices {
    storage::PeopleStore& people;
    services::IdentityService& identity;
    services::CandidateRegistry& registry;
    services::SessionService& sessions;
    services::InvigilationService& invigilation;
    const domain::Clock& clock;
};

inline constexpr const char* demo_centre_number = "90001";
inline constexpr const char* demo_password = "demo-password-2026";

// Creates the data if the demo centre does not exist yet; either way returns
// the log-ins, the session and the candidates' keycodes as text.
std::string create_demo_data(const DemoServices& s);

}  // namespace exam::app
