#pragma once
// Reading and checking the audit log. Entries are appended by the other
// stores, in the transaction of the change they record.

#include <optional>
#include <string>
#include <vector>

#include "domain/clock.hpp"
#include "domain/people.hpp"
#include "domain/result.hpp"

namespace exam::storage {

struct AuditEntry {
    domain::Id id = 0;
    domain::Millis at = 0;
    std::string actor;
    std::string action;
    std::string subject;
    std::string details;  // JSON object text
};

struct AuditVerification {
    bool ok = true;
    std::int64_t entries = 0;
    std::optional<std::int64_t> first_broken_entry;
    std::string message;
};

struct AuditQuery {
    std::optional<domain::Id> centre;  // entries whose actor is a staff user of this centre
    std::optional<domain::Millis> from;
    std::optional<domain::Millis> to;
    domain::Id after = 0;
    int limit = 200;
};

class AuditStore {
public:
    virtual ~AuditStore() = default;
    // The chain from its first entry, and its head against the anchor kept outside the database.
    virtual void verify(domain::Completion<AuditVerification> done) = 0;
    // Oldest first.
    virtual std::vector<AuditEntry> entries(const AuditQuery& query) = 0;
};

}  // namespace exam::storage
