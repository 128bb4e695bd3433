#include "storage/sqlite/database.hpp"

#include "domain/clock.hpp"
#include "security/sha256.hpp"
#include "storage/schema_migrations.hpp"
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

std::string chain_hash(const std::string& prev, const AuditEvent& e) {
    // Length-prefixed fields: no two different events serialise alike.
    std::string material;
    for (const std::string& field :
         {prev, std::to_string(e.at), e.actor, e.action, e.subject, e.details}) {
        material += std::to_string(field.size());
        material += ':';
        material += field;
    }
    return security::sha256_hex(material);
}

}  // namespace

Database::Database(const std::filesystem::path& file, DatabaseOptions options) {
    {
        Connection setup(file, Access::read_write_create);
        apply_migrations(setup, schema_migrations(), domain::format_utc(domain::SystemClock().now_ms()));
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
    writer_->submit(std::move(job), [done = std::move(done)](std::exception_ptr e) { done(to_error(e)); });
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
    insert.bind_all(event.at, event.actor, event.action, event.subject, event.details, prev, chain_hash(prev, event));
    insert.run();
}

std::int64_t first_broken_audit_row(Connection& db) {
    auto rows = db.prepare("SELECT id, at, actor, action, subject, details, prev_hash, hash FROM audit_log ORDER BY id");
    std::string prev = "genesis";
    while (rows.step() == Step::row) {
        AuditEvent e{rows.column_int64(1), rows.column_text(2), rows.column_text(3), rows.column_text(4),
                     rows.column_text(5)};
        if (rows.column_text(6) != prev || rows.column_text(7) != chain_hash(prev, e)) return rows.column_int64(0);
        prev = rows.column_text(7);
    }
    return 0;
}

}  // namespace exam::storage::sqlite
