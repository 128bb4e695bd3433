#include "services/audit_service.hpp"

#include "services/access_rules.hpp"

namespace exam::services {

using domain::Role;

void AuditService::verify(const domain::Principal& actor, domain::Completion<storage::AuditVerification> done) {
    if (auto e = require_role(actor, {Role::ao_admin})) return done(*e);
    audit_.verify(std::move(done));
}

domain::Result<std::vector<storage::AuditEntry>> AuditService::entries(const domain::Principal& actor,
                                                                       AuditFilter filter) {
    if (auto e = require_role(actor, {Role::ao_admin, Role::centre_admin})) return *e;
    if (actor.role == Role::centre_admin) {
        if (!filter.centre) filter.centre = actor.centre_id;
        if (auto e = require_centre(actor, *filter.centre, {Role::centre_admin})) return *e;
    } else if (filter.centre && !people_.centre(*filter.centre)) {
        return domain::not_found("no such centre");
    }
    return audit_.entries({filter.centre, filter.from, filter.to, filter.after, filter.limit});
}

}  // namespace exam::services
