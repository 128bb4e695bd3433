#include "storage/sqlite/database.hpp"

#include "domain/clock.hpp"
#include "security/sha256.hpp"
#include "storage/schema_migrations.hpp"
#include "storage/sqlite/migrations.hpp"
#include "storage/sql/audit_chain_walk.hpp"
#include "storage/sqlite/audit_anchor.hpp"
#include "storage/sqlite/error.hpp"

namespace exam::storage::sqlite {

namespace {

std::optional<domain::Error> to_error(std::exception_ptr e) {
    if (!e) return std::nullopt;
    try {
        std::rethrow_exception(e);
    } catch (const domain::Error& domain_error) {
        return domain_error;  // a job's own refusal, thrown to roll back its savepoint
    } catch (const Error& sqlite_error) {
        if (sqlite_error.is_constraint_violation()) {
            return domain::Error{409, "conflict", "this conflicts with existing data", {}};
        }
        return domain::Error{503, "storage_unavailable", "the change could not be saved; try again", {}};
    } catch (...) {
        return domain::Error{503, "storage_unavailable", "the change could not be saved; try again", {}};
    }
}


}  // namespace

Database::Database(const std::filesystem::path& file, DatabaseOptions options)
    : audit_anchor_(std::move(options.audit_anchor)) {
    {
        Connection setup(file, Access::read_write_create);
        apply_migrations(setup, schema_migrations(), domain::format_utc(domain::SystemClock().now_ms()));
        // A first start (or the first with anchoring) anchors what is there. An
        // existing anchor is never replaced here: a log changed while the
        // server was stopped must still disagree with it.
        if (!audit_anchor_.empty()) {
            const auto head = read_audit_head(setup);
            if (!std::filesystem::exists(audit_anchor_)) write_audit_anchor(audit_anchor_, head);
            const auto anchor = read_audit_anchor(audit_anchor_);
            anchored_ = anchor.value_or(AuditHead{});
            anchor_frozen_ = anchor != head;
        }
    }
    if (!audit_anchor_.empty()) {
        options.writer.on_batch = [this, observer = std::move(options.writer.on_batch)](const BatchReport& r) {
            after_batch(r);
            if (observer) observer(r);
        };
    }
    writer_ = std::make_unique<WriteQueue>(file, options.writer);
    ReaderPoolOptions ro;
    ro.readers = options.readers;
    readers_ = std::make_unique<ReaderPool>(*writer_, ro);
}

Database::~Database() { stop(); }

void Database::stop() {
    if (writer_) writer_->stop();
}

void Database::write(WriteQueue::Job job, std::function<void(std::optional<domain::Error>)> done) {
    // A job that throws is rolled back alone: so is what it appended to the audit log.
    writer_->submit(
        [job = std::move(job)](Connection& c) {
            const auto before = pending_audit();
            try {
                job(c);
            } catch (...) {
                pending_audit() = before;
                throw;
            }
        },
        [done = std::move(done)](std::exception_ptr e) { done(to_error(e)); });
}

void Database::after_batch(const BatchReport& report) {
    auto& pending = pending_audit();
    if (!pending) return;
    const PendingAudit appended = *pending;
    pending.reset();
    // Not committed: the rows are gone and the anchor already names the last committed entry.
    if (!report.committed || anchor_frozen_) return;
    // Rows removed from the end, or added, behind the server's back: the new
    // rows continue from another head. Moving the anchor would hide that.
    if (appended.first_id != anchored_.entries + 1 || appended.first_prev_hash != anchored_.hash) {
        anchor_frozen_ = true;
        return;
    }
    // Thrown errors end in the queue's observer guard; the anchor then lags and verification says so.
    write_audit_anchor(audit_anchor_, appended.head);
    anchored_ = appended.head;
}

void Database::fence(std::function<void(std::optional<domain::Error>)> done) {
    write([](Connection&) {}, std::move(done));
}

void append_audit(Connection& db, const AuditEvent& event) {
    if (event.action.empty()) return;
    std::string prev = "genesis";
    {
        auto last = db.prepare("SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1");
        if (last.step() == Step::row) prev = last.column_text(0);
    }
    auto insert = db.prepare(
        "INSERT INTO audit_log (at, actor, action, subject, details, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?)");
    const auto hash = audit_chain_hash(prev, event);
    insert.bind_all(event.at, event.actor, event.action, event.subject, event.details, prev, hash);
    insert.run();
    auto& pending = pending_audit();
    const auto id = db.last_insert_rowid();
    if (!pending) pending = PendingAudit{{}, id, prev};
    pending->head = AuditHead{id, hash};
}

AuditChainCheck check_audit_chain(Connection& db) { return sql::walk_audit_chain(db); }

std::int64_t first_broken_audit_row(Connection& db) { return check_audit_chain(db).first_broken; }

}  // namespace exam::storage::sqlite
