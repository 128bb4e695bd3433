#pragma once
// The audit trail for staff (issue 4 §7): verifying the chain (the awarding
// organisation), and listing entries. A centre admin sees the actions of
// their own centre's staff: the actor is what ties an entry to a centre, as
// subjects name many kinds of record (and some name none of a centre's).

#include <optional>
#include <vector>

#include "domain/result.hpp"
#include "storage/audit_store.hpp"
#include "storage/people_store.hpp"

namespace exam::services {

struct AuditFilter {
    std::optional<domain::Id> centre;
    std::optional<domain::Millis> from;
    std::optional<domain::Millis> to;
    domain::Id after = 0;
    int limit = 200;
};

class AuditService {
public:
    AuditService(storage::PeopleStore& people, storage::AuditStore& audit) : people_(people), audit_(audit) {}

    void verify(const domain::Principal& actor, domain::Completion<storage::AuditVerification> done);
    // AO admins: everything, or one centre's staff's. Centre admins: their centre's staff's only.
    domain::Result<std::vector<storage::AuditEntry>> entries(const domain::Principal& actor, AuditFilter filter);

private:
    storage::PeopleStore& people_;
    storage::AuditStore& audit_;
};

}  // namespace exam::services
