#include "storage/postgresql/pg_database.hpp"

#include <algorithm>
#include <random>

#include "domain/clock.hpp"
#include "storage/sql/audit_chain_walk.hpp"
#include "storage/postgresql/pg_migrations.hpp"
#include "storage/schema_migrations.hpp"

namespace exam::storage::postgresql {
namespace {

constexpr int retries_after_serialization_failure = 3;
// The key of the lock that keeps audit appends one at a time across nodes.
constexpr std::int64_t audit_lock_key = 0x6578616d61756474;  // "examaudt"

bool retryable(const PgError& e) { return e.sqlstate() == "40001" || e.sqlstate() == "40P01"; }

domain::Error refusal_of(const PgError& e) {
    if (e.sqlstate().starts_with("23")) return domain::Error{409, "conflict", "this conflicts with existing data", {}};
    return PgDatabase::unavailable();
}

// Runs one job. Returns its refusal, if any (its transaction must then be
// rolled back); throws PgError when the transaction as a whole is lost (a
// broken connection, or a deadlock or serialization failure to retry).
std::optional<domain::Error> run_job(PgConnection& c, const PgDatabase::Job& job) {
    try {
        job(c);
        return std::nullopt;
    } catch (const domain::Error& e) {
        return e;  // the job's own refusal
    } catch (const PgError& e) {
        if (!c.ok() || retryable(e)) throw;
        return refusal_of(e);
    } catch (...) {
        return PgDatabase::unavailable();
    }
}

// A PostgreSQL array literal of `items`, each quoted (a parameter's value, not SQL).
std::string text_array(const std::vector<std::string>& items) {
    std::string out = "{";
    for (const auto& item : items) {
        if (out.size() > 1) out += ',';
        out += '"';
        for (char ch : item) {
            if (ch == '"' || ch == '\\') out += '\\';
            out += ch;
        }
        out += '"';
    }
    return out + "}";
}

// Unique among the nodes of a database for as long as they run: 64 random bits.
std::string random_node_id() {
    std::random_device device;
    const std::uint64_t bits = (static_cast<std::uint64_t>(device()) << 32) ^ device();
    static constexpr char hex[] = "0123456789abcdef";
    std::string id;
    for (int shift = 60; shift >= 0; shift -= 4) id += hex[(bits >> shift) & 0xf];
    return id;
}

}  // namespace

domain::Error PgDatabase::unavailable() {
    return domain::Error{503, "storage_unavailable", "the change could not be saved; try again", {}};
}

PgDatabase::Lease::Lease(PgDatabase& db) : db_(db) {
    std::unique_lock lock(db_.mutex_);
    db_.reader_free_.wait(lock, [this] { return !db_.idle_readers_.empty(); });
    connection_ = std::move(db_.idle_readers_.back());
    db_.idle_readers_.pop_back();
}

PgDatabase::Lease::~Lease() {
    {
        std::lock_guard lock(db_.mutex_);
        db_.idle_readers_.push_back(std::move(connection_));
    }
    db_.reader_free_.notify_one();
}

void PgDatabase::Lease::replace() {
    try {
        connection_ = std::make_unique<PgConnection>(db_.options_.conninfo);
    } catch (const PgError&) {
        // The server is still away: the broken connection goes back and is
        // replaced again by the next read that finds it broken.
    }
}

PgDatabase::PgDatabase(PgDatabaseOptions options) : options_(std::move(options)), node_(random_node_id()) {
    if (options_.readers == 0 || options_.max_batch == 0) {
        throw std::invalid_argument("a PostgreSQL database needs at least one reader and a batch of at least one");
    }
    writer_connection_ = std::make_unique<PgConnection>(options_.conninfo);
    apply_migrations(*writer_connection_, schema_migrations(), domain::format_utc(domain::SystemClock().now_ms()));
    for (std::size_t i = 0; i < options_.readers; ++i) {
        idle_readers_.push_back(std::make_unique<PgConnection>(options_.conninfo));
    }
    writer_ = std::thread([this] { work(); });
}

PgDatabase::~PgDatabase() { stop(); }

void PgDatabase::stop() {
    {
        std::lock_guard lock(mutex_);
        if (stopping_) return;
        stopping_ = true;
    }
    if (listener_) listener_->stop();
    job_ready_.notify_all();
    if (writer_.joinable()) writer_.join();
}

void PgDatabase::write(Job job, Done done) {
    {
        std::lock_guard lock(mutex_);
        if (!stopping_) {
            jobs_.push_back({std::move(job), std::move(done)});
            if (jobs_.size() == 1) job_ready_.notify_one();
            return;
        }
    }
    done(unavailable());
}

void PgDatabase::announce(PgConnection&, const Change& change) {
    // Sent with the rest of the batch's just before it commits (send_announcements).
    announcements_.push_back(change_payload(node_, change));
}

void PgDatabase::listen(ChangeHandlers handlers) {
    listener_ = std::make_unique<PgChangeListener>(options_.conninfo, node_, std::move(handlers));
}

void PgDatabase::fence(Done done) {
    write([](PgConnection&) {}, std::move(done));
}

void PgDatabase::work() {
    for (;;) {
        std::vector<Pending> batch;
        {
            std::unique_lock lock(mutex_);
            job_ready_.wait(lock, [this] { return stopping_ || !jobs_.empty(); });
            if (jobs_.empty()) return;  // stopping, and every queued job done
            // Whatever queued while the last batch committed goes together.
            while (!jobs_.empty() && batch.size() < options_.max_batch) {
                batch.push_back(std::move(jobs_.front()));
                jobs_.pop_front();
            }
        }
        commit_batch(batch);
    }
}

void PgDatabase::reconnect_writer() {
    try {
        writer_connection_ = std::make_unique<PgConnection>(options_.conninfo);
    } catch (const PgError&) {
        // Still away: this batch is refused and the next one tries again.
    }
}

void PgDatabase::commit_batch(std::vector<Pending>& batch) {
    // The jobs share one transaction with no savepoints (each would cost two
    // round trips). When one refuses, the transaction is rolled back and the
    // others run again without it: refusals are rare, saves are not.
    std::vector<std::optional<domain::Error>> outcomes(batch.size());
    std::vector<bool> taken_out(batch.size(), false);
    const auto started = std::chrono::steady_clock::now();
    bool committed = false;
    for (int retries = 0;;) {
        if (!writer_connection_->ok()) reconnect_writer();
        PgConnection& c = *writer_connection_;
        announcements_.clear();
        try {
            PgTransaction transaction(c);
            std::optional<std::size_t> refused;
            for (std::size_t i = 0; i < batch.size() && !refused; ++i) {
                if (taken_out[i]) continue;
                if ((outcomes[i] = run_job(c, batch[i].job))) refused = i;
            }
            if (refused) {
                taken_out[*refused] = true;
                continue;  // rolled back as `transaction` goes; the rest again
            }
            send_announcements(c);
            transaction.commit();
            committed = true;
            break;
        } catch (const PgError& e) {
            if (c.ok() && retryable(e) && retries++ < retries_after_serialization_failure) continue;
            // Lost with the connection (or failed at COMMIT): whether it
            // committed is unknown, so each is refused and its client
            // retries; the stores' writes are idempotent for that.
            for (std::size_t i = 0; i < batch.size(); ++i) {
                if (!taken_out[i]) outcomes[i] = unavailable();
            }
            break;
        } catch (...) {
            for (std::size_t i = 0; i < batch.size(); ++i) {
                if (!taken_out[i]) outcomes[i] = unavailable();
            }
            break;
        }
    }
    announcements_.clear();
    if (committed && options_.on_batch) {
        options_.on_batch(PgBatchReport{batch.size(), std::chrono::steady_clock::now() - started});
    }
    for (std::size_t i = 0; i < batch.size(); ++i) {
        try {
            batch[i].done(std::move(outcomes[i]));
        } catch (...) {
            // A completion whose own follow-up failed (a read while the
            // database is away) must not stop the writer for every other job.
        }
    }
}

void PgDatabase::send_announcements(PgConnection& c) {
    if (announcements_.empty()) return;
    std::sort(announcements_.begin(), announcements_.end());
    announcements_.erase(std::unique(announcements_.begin(), announcements_.end()), announcements_.end());
    // One round trip for the batch's announcements, delivered with its commit.
    c.prepare("SELECT pg_notify(?, payload) FROM unnest(CAST(? AS TEXT[])) AS payload")
        .bind_all(std::string(change_channel), text_array(announcements_))
        .run();
}

void append_audit(PgConnection& connection, const AuditEvent& event) {
    if (event.action.empty()) return;
    connection.prepare("SELECT pg_advisory_xact_lock(?)").bind_all(audit_lock_key).run();
    auto last = connection.prepare("SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1");
    const std::string prev = last.step() == Step::row ? last.column_text(0) : "genesis";
    connection.prepare(
                  "INSERT INTO audit_log (at, actor, action, subject, details, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?)")
        .bind_all(event.at, event.actor, event.action, event.subject, event.details, prev, audit_chain_hash(prev, event))
        .run();
}

AuditChainCheck check_audit_chain(PgConnection& connection) { return sql::walk_audit_chain(connection); }

std::int64_t first_broken_audit_row(PgConnection& connection) { return check_audit_chain(connection).first_broken; }

}  // namespace exam::storage::postgresql
