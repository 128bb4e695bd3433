#include "storage/postgresql/pg_database.hpp"

#include "domain/clock.hpp"
#include "storage/postgresql/pg_migrations.hpp"
#include "storage/schema_migrations.hpp"

namespace exam::storage::postgresql {
namespace {

constexpr int retries_after_serialization_failure = 3;
// The key of the lock that keeps audit appends one at a time across nodes.
constexpr std::int64_t audit_lock_key = 0x6578616d61756474;  // "examaudt"

bool retryable(const PgError& e) { return e.sqlstate() == "40001" || e.sqlstate() == "40P01"; }

domain::Error unavailable() {
    return domain::Error{503, "storage_unavailable", "the change could not be saved; try again", {}};
}

}  // namespace

PgDatabase::Lease::Lease(PgDatabase& db) : db_(db) {
    std::unique_lock lock(db_.mutex_);
    db_.connection_free_.wait(lock, [this] { return !db_.idle_.empty(); });
    connection_ = std::move(db_.idle_.back());
    db_.idle_.pop_back();
}

PgDatabase::Lease::~Lease() {
    {
        std::lock_guard lock(db_.mutex_);
        db_.idle_.push_back(std::move(connection_));
    }
    db_.connection_free_.notify_one();
}

void PgDatabase::Lease::replace() {
    try {
        connection_ = std::make_unique<PgConnection>(db_.options_.conninfo);
    } catch (const PgError&) {
        // The server is still away: the broken connection goes back and is
        // replaced again by the next job that finds it broken.
    }
}

PgDatabase::PgDatabase(PgDatabaseOptions options) : options_(std::move(options)) {
    if (options_.connections == 0 || options_.writers == 0 || options_.writers > options_.connections) {
        throw std::invalid_argument("a PostgreSQL pool needs at least one connection per writer");
    }
    for (std::size_t i = 0; i < options_.connections; ++i) {
        idle_.push_back(std::make_unique<PgConnection>(options_.conninfo));
    }
    apply_migrations(*idle_.front(), schema_migrations(), domain::format_utc(domain::SystemClock().now_ms()));
    for (std::size_t i = 0; i < options_.writers; ++i) workers_.emplace_back([this] { work(); });
}

PgDatabase::~PgDatabase() { stop(); }

void PgDatabase::stop() {
    {
        std::lock_guard lock(mutex_);
        if (stopping_) return;
        stopping_ = true;
    }
    job_ready_.notify_all();
    for (auto& w : workers_) w.join();
}

void PgDatabase::write(Job job, Done done) {
    {
        std::lock_guard lock(mutex_);
        if (!stopping_) {
            jobs_.emplace_back(std::move(job), std::move(done));
            job_ready_.notify_one();
            return;
        }
    }
    done(unavailable());
}

void PgDatabase::work() {
    for (;;) {
        std::pair<Job, Done> next;
        {
            std::unique_lock lock(mutex_);
            job_ready_.wait(lock, [this] { return stopping_ || !jobs_.empty(); });
            if (jobs_.empty()) return;  // stopping, and every queued job done
            next = std::move(jobs_.front());
            jobs_.pop_front();
        }
        next.second(run_job(next.first));
    }
}

std::optional<domain::Error> PgDatabase::run_job(const Job& job) {
    Lease lease(*this);
    for (int attempt = 0;; ++attempt) {
        try {
            if (!lease.connection().ok()) lease.replace();
            PgTransaction transaction(lease.connection());
            job(lease.connection());
            transaction.commit();
            return std::nullopt;
        } catch (const domain::Error& refused) {
            return refused;  // the job's own refusal; its transaction rolled back
        } catch (const PgError& e) {
            if (retryable(e) && attempt < retries_after_serialization_failure) continue;
            if (e.sqlstate().starts_with("23")) return domain::Error{409, "conflict", "this conflicts with existing data", {}};
            // A failed COMMIT may or may not have committed: only a connection
            // failure leaves that open, and it is answered 503 so the client
            // retries; stores make their writes idempotent (sequence numbers) for that.
            if (!lease.connection().ok()) lease.replace();
            return unavailable();
        } catch (...) {
            return unavailable();
        }
    }
}

void append_audit(PgConnection& connection, const AuditEvent& event) {
    if (event.action.empty()) return;
    connection.exec("SELECT pg_advisory_xact_lock($1)", {audit_lock_key});
    auto last = connection.exec("SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1");
    const std::string prev = last.rows() > 0 ? last.text(0, 0) : "genesis";
    connection.exec(
        "INSERT INTO audit_log (at, actor, action, subject, details, prev_hash, hash) VALUES ($1, $2, $3, $4, $5, $6, $7)",
        {std::int64_t{event.at}, event.actor, event.action, event.subject, event.details, prev,
         audit_chain_hash(prev, event)});
}

std::int64_t first_broken_audit_row(PgConnection& connection) {
    auto rows = connection.exec("SELECT id, at, actor, action, subject, details, prev_hash, hash FROM audit_log ORDER BY id");
    std::string last = "genesis";
    for (int r = 0; r < rows.rows(); ++r) {
        const AuditEvent e{rows.int64(r, 1), rows.text(r, 2), rows.text(r, 3), rows.text(r, 4), rows.text(r, 5)};
        if (rows.text(r, 6) != last || rows.text(r, 7) != audit_chain_hash(last, e)) return rows.int64(r, 0);
        last = rows.text(r, 7);
    }
    return 0;
}

}  // namespace exam::storage::postgresql
