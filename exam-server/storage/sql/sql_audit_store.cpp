#include "storage/sql/sql_audit_store.hpp"

#include <concepts>
#include <memory>

#include "storage/postgresql/pg_database.hpp"
#include "storage/sqlite/audit_anchor.hpp"
#include "storage/sqlite/database.hpp"

namespace exam::storage::sql {
namespace {

std::string id_text(std::int64_t id) { return std::to_string(id); }

// The anchor against the database's head, as the writer sees it between
// batches: every committed batch is anchored by then, and what earlier jobs
// of the current batch appended is pending. SQLite's only: a PostgreSQL log
// is shared by every node and has no anchor file.
AuditVerification check_anchor(sqlite::Connection& c, const std::filesystem::path& file) {
    using namespace sqlite;
    AuditVerification v;
    const auto anchor = read_audit_anchor(file);
    const auto head = read_audit_head(c);
    const auto& pending = pending_audit();
    const AuditHead expected_head = pending ? pending->head : anchor.value_or(AuditHead{});
    v.entries = head.entries;
    if (!anchor) {
        v.ok = false;
        v.message = "the anchor file " + file.string() + " is missing or unreadable: the end of the log cannot be checked";
        return v;
    }
    if (head.entries < anchor->entries) {
        v.ok = false;
        v.first_broken_entry = head.entries + 1;
        v.message = "the log ends at entry " + id_text(head.entries) + " but the anchor records " +
                    id_text(anchor->entries) + ": entries " + id_text(head.entries + 1) + " to " +
                    id_text(anchor->entries) + " were removed";
        return v;
    }
    if (anchor->entries > 0) {
        auto row = c.prepare("SELECT hash FROM audit_log WHERE id = ?");
        row.bind_all(anchor->entries);
        if (row.step() != Step::row || row.column_text(0) != anchor->hash) {
            v.ok = false;
            v.first_broken_entry = anchor->entries;
            v.message = "entry " + id_text(anchor->entries) + " is not the one the anchor records: the log up to it "
                        "was rewritten with its hashes computed afresh";
            return v;
        }
    }
    if (head.entries > expected_head.entries) {
        v.ok = false;
        v.first_broken_entry = expected_head.entries + 1;
        v.message = "entries after " + id_text(expected_head.entries) + " were not anchored by the server: added to "
                    "the database directly, or written just before a crash";
        return v;
    }
    return v;
}

}  // namespace

template <class Database>
void SqlAuditStore<Database>::verify(domain::Completion<AuditVerification> done) {
    // The walk reads every row: on a reader, so the writer never waits for it.
    const auto chain = db_.read([](auto& c) { return check_audit_chain(c); });
    if (chain.first_broken != 0) {
        return done(AuditVerification{
            false, chain.rows, chain.first_broken,
            "entry " + id_text(chain.first_broken) + " does not follow from the one before it: it, or the entry "
            "before it, was edited, inserted or deleted"});
    }
    if (chain.rows != chain.last_id) {
        // Ids are given 1, 2, 3... and the chain is intact: rows renumbered along with their hashes.
        return done(AuditVerification{false, chain.rows, std::nullopt,
                                      "the log holds " + id_text(chain.rows) + " entries numbered up to " +
                                          id_text(chain.last_id) + ": entries were removed and the chain recomputed"});
    }
    const auto file = db_.audit_anchor();
    if constexpr (!std::same_as<Database, sqlite::Database>) {
        return done(AuditVerification{true, chain.rows, std::nullopt,
                                      "the chain of " + id_text(chain.rows) + " entries is intact"});
    } else {
    if (file.empty()) {
        return done(AuditVerification{true, chain.rows, std::nullopt,
                                      "the chain of " + id_text(chain.rows) + " entries is intact (no anchor file)"});
    }
    // The anchor is compared on the writer, between commits, where it is up to date.
    auto result = std::make_shared<AuditVerification>();
    db_.write([result, file](sqlite::Connection& c) { *result = check_anchor(c, file); },
              [result, chain, done](std::optional<domain::Error> e) {
                  if (e) return done(*e);
                  if (result->ok) {
                      result->entries = chain.rows;
                      result->message = "the chain of " + id_text(chain.rows) + " entries is intact and ends where "
                                        "the anchor says";
                  }
                  done(*result);
              });
    }
}

template <class Database>
std::vector<AuditEntry> SqlAuditStore<Database>::entries(const AuditQuery& q) {
    // Centre scope is the actor's: entries by staff users of that centre.
    static constexpr const char* sql =
        "SELECT id, at, actor, action, subject, details FROM audit_log "
        "WHERE id > ?1 "
        "AND (CAST(?2 AS BIGINT) IS NULL OR at >= CAST(?2 AS BIGINT)) "
        "AND (CAST(?3 AS BIGINT) IS NULL OR at < CAST(?3 AS BIGINT)) "
        "AND (CAST(?4 AS BIGINT) IS NULL OR actor IN "
        "     (SELECT 'staff:' || username FROM staff_users WHERE centre_id = CAST(?4 AS BIGINT))) "
        "ORDER BY id LIMIT ?5";
    return db_.read([&](auto& c) {
        auto s = c.prepare(sql);
        s.bind_all(q.after, q.from, q.to, q.centre, q.limit);
        std::vector<AuditEntry> out;
        while (s.step() == Step::row) {
            out.push_back({s.column_int64(0), s.column_int64(1), s.column_text(2), s.column_text(3), s.column_text(4),
                           s.column_text(5)});
        }
        return out;
    });
}

template class SqlAuditStore<sqlite::Database>;
template class SqlAuditStore<postgresql::PgDatabase>;

}  // namespace exam::storage::sql
