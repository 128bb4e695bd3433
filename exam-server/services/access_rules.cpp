#include "services/access_rules.hpp"

#include <algorithm>

namespace exam::services {

using domain::Role;

std::optional<domain::Error> require_role(const domain::Principal& p, std::initializer_list<Role> roles) {
    if (p.kind != domain::Principal::Kind::staff) return domain::forbidden("staff only");
    if (std::find(roles.begin(), roles.end(), p.role) == roles.end()) {
        return domain::forbidden("your role (" + std::string(domain::to_string(p.role)) + ") may not do this");
    }
    return std::nullopt;
}

std::optional<domain::Error> require_centre(const domain::Principal& p, domain::Id centre,
                                            std::initializer_list<Role> roles) {
    if (auto e = require_role(p, roles)) return e;
    if (p.role == Role::ao_admin) return std::nullopt;
    // Another centre's records are reported as missing, not forbidden: their existence is not ours to tell.
    if (!p.centre_id || *p.centre_id != centre) return domain::not_found("no such centre");
    return std::nullopt;
}

std::optional<domain::Error> require_session_staff(const domain::Principal& p, const domain::TestSession& session) {
    if (auto e = require_centre(p, session.centre_id, {Role::ao_admin, Role::centre_admin, Role::invigilator})) {
        return e.value().status == 404 ? domain::not_found("no such session") : e;
    }
    if (p.role == Role::invigilator &&
        std::find(session.invigilators.begin(), session.invigilators.end(), p.user_id) == session.invigilators.end()) {
        return domain::not_found("no such session");
    }
    return std::nullopt;
}

}  // namespace exam::services
