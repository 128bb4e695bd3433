#pragma once
// The audit chain walked from its first entry, checking each hash against
// the entry before it: the same SQL on both engines.

#include "storage/audit_event.hpp"
#include "storage/statement_types.hpp"

namespace exam::storage::sql {

template <class Connection>
AuditChainCheck walk_audit_chain(Connection& connection) {
    auto rows = connection.prepare("SELECT id, at, actor, action, subject, details, prev_hash, hash FROM audit_log ORDER BY id");
    AuditChainCheck check;
    while (rows.step() == Step::row) {
        const AuditEvent e{rows.column_int64(1), rows.column_text(2), rows.column_text(3), rows.column_text(4),
                           rows.column_text(5)};
        const auto id = rows.column_int64(0);
        if (check.first_broken == 0 &&
            (rows.column_text(6) != check.last_hash || rows.column_text(7) != audit_chain_hash(check.last_hash, e))) {
            check.first_broken = id;
        }
        ++check.rows;
        check.last_id = id;
        check.last_hash = rows.column_text(7);
    }
    return check;
}

}  // namespace exam::storage::sql
