#pragma once
// The credit ledger. Onscreen-test achievements are written by the attempt
// store in the transaction that marks or releases a pass (so they exist
// exactly once); this store reads the ledger and records the other routes.

#include <optional>
#include <vector>

#include "domain/achievement.hpp"
#include "domain/result.hpp"
#include "storage/audit_event.hpp"

namespace exam::storage {

class LedgerStore {
public:
    virtual ~LedgerStore() = default;
    virtual std::vector<domain::Achievement> achievements(domain::Id candidate) = 0;
    virtual std::optional<domain::Achievement> achievement(domain::Id id) = 0;
    // A conflict (409) when the candidate already has an active achievement of the unit.
    virtual void record(domain::Achievement achievement, AuditEvent audit,
                        domain::Completion<domain::Achievement> done) = 0;
    virtual void void_achievement(domain::Id id, std::string reason, AuditEvent audit,
                                  domain::Completion<domain::Done> done) = 0;
};

}  // namespace exam::storage
