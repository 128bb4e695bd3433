#pragma once
// The SQLite database of one server: migrated at open, one writer with group
// commit, a pool of readers, and the audit chain written inside write jobs.
// The aggregate stores (people, tokens, sessions, attempts) share it.

#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>

#include "domain/result.hpp"
#include "storage/audit_event.hpp"
#include "storage/change_notice.hpp"
#include "storage/commit_completion.hpp"
#include "storage/sqlite/audit_anchor.hpp"
#include "storage/sqlite/reader_pool.hpp"
#include "storage/sqlite/write_queue.hpp"

namespace exam::storage::sqlite {

struct DatabaseOptions {
    WriteQueueOptions writer;
    std::size_t readers = 4;
    // Where the audit log's head is written after each commit that appends to
    // it (see audit_anchor.hpp); empty for none.
    std::filesystem::path audit_anchor;
};

class Database {
public:
    using Connection = sqlite::Connection;

    // Creates the file if needed and applies every migration; throws on failure.
    Database(const std::filesystem::path& file, DatabaseOptions options);
    ~Database();

    template <class Read>
    auto read(Read&& r) {
        return readers_->with_reader(std::forward<Read>(r));
    }

    // Runs `job` in the writer's batch; `done` gets nothing on commit, or the error
    // (a constraint violation becomes a 409 conflict, anything else a 503).
    void write(WriteQueue::Job job, std::function<void(std::optional<domain::Error>)> done);
    // Completes after everything queued before it has committed.
    void fence(std::function<void(std::optional<domain::Error>)> done);
    void stop();

    const std::filesystem::path& audit_anchor() const { return audit_anchor_; }

    // One database, one node: there is no one to tell of a change, nor to hear from.
    void announce(Connection&, const Change&) const {}
    void listen(ChangeHandlers) {}

private:
    void after_batch(const BatchReport& report);

    std::filesystem::path audit_anchor_;
    // The writer thread's, after construction.
    AuditHead anchored_;
    bool anchor_frozen_ = false;
    std::unique_ptr<WriteQueue> writer_;
    std::unique_ptr<ReaderPool> readers_;
};

using storage::on_commit;

// Appends to the tamper-evident audit log; call inside a write job. Does nothing for an empty action.
void append_audit(Connection& db, const AuditEvent& event);

// Walks the audit chain from the first row to the last.
AuditChainCheck check_audit_chain(Connection& db);

// Checks the audit chain from the first row; returns the id of the first broken row, or 0 when intact.
std::int64_t first_broken_audit_row(Connection& db);

}  // namespace exam::storage::sqlite
