#pragma once
// Who acts in the system: staff users with a role (and a centre where the
// role has one), and the principal a request acts as once authenticated.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "domain/clock.hpp"

namespace exam::domain {

using Id = std::int64_t;

enum class Role { ao_admin, centre_admin, invigilator };
std::string_view to_string(Role r);
std::optional<Role> parse_role(std::string_view s);

struct Centre {
    Id id = 0;
    std::string number;  // the centre number candidates type at log-in
    std::string name;
};

struct StaffUser {
    Id id = 0;
    std::string username;
    std::string display_name;
    Role role = Role::invigilator;
    std::optional<Id> centre_id;  // none for AO admins
    std::string password_hash;
    bool active = true;
};

struct Candidate {
    Id id = 0;
    Id centre_id = 0;
    std::string candidate_number;  // unique within the centre
    std::string given_name;
    std::string family_name;
    std::string date_of_birth;  // YYYY-MM-DD
    std::string uln;
    int extra_time_percent = 0;  // access arrangement
};

// The authenticated caller of a request.
struct Principal {
    enum class Kind { staff, candidate } kind = Kind::staff;
    Id user_id = 0;  // staff
    std::string username;
    Role role = Role::invigilator;
    std::optional<Id> centre_id;
    Id attempt_id = 0;  // candidate: the one attempt the token is bound to
    Id candidate_id = 0;
};

}  // namespace exam::domain
