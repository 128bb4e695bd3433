#pragma once
// The audit log's head kept outside the database (issue 4 §7). A hash chain
// shows an edited, inserted or deleted row, but not rows cut from the end, nor
// rows appended with their hashes computed afresh: after every commit that
// appended to the log, the writer writes the last entry's id and hash to a
// file beside the database, and verification compares the two.
//
// The anchor only ever moves forward along the chain: when the log no longer
// continues from it (at start, or when a batch's first new row does not
// follow the anchored one) it is left as it is, so that verification keeps
// reporting the break until someone looks (docs/audit.md).
//
// The file is written after the commit, so a crash between the two leaves it
// one batch behind: verification then reports entries past the anchor, and
// says that a crash is one explanation. It does not protect against someone
// able to rewrite both files; docs/audit.md says what would.
//
// Thread safety: the head of the rows appended in the current batch is kept
// per thread, because only the database's writer thread appends.

#include <filesystem>
#include <optional>
#include <string>

#include "storage/sqlite/connection.hpp"

namespace exam::storage::sqlite {

struct AuditHead {
    std::int64_t entries = 0;  // the id of the last entry; ids run 1, 2, 3...
    std::string hash = "genesis";
    bool operator==(const AuditHead&) const = default;
};

// The last entry in the table as `db` sees it.
AuditHead read_audit_head(Connection& db);

// What this thread's jobs appended since the last commit (set by append_audit):
// the new head, and where the first of those rows attached to the chain.
struct PendingAudit {
    AuditHead head;
    std::int64_t first_id = 0;
    std::string first_prev_hash;
};
std::optional<PendingAudit>& pending_audit();

// Reads the anchor file; nullopt when it is missing or unreadable.
std::optional<AuditHead> read_audit_anchor(const std::filesystem::path& file);
// Throws std::system_error when it cannot be written.
void write_audit_anchor(const std::filesystem::path& file, const AuditHead& head);

}  // namespace exam::storage::sqlite
