#pragma once
#include <memory>

#include "item_bank/bank.hpp"
#include "storage/attempt_store.hpp"

namespace exam::storage::sql {

// Compiled for both engines (sqlite::Database, postgresql::PgDatabase) in its .cpp.
template <class Database>
class SqlAttemptStore final : public AttemptStore {
public:
    SqlAttemptStore(Database& db, const domain::Clock& clock, std::shared_ptr<const item_bank::Bank> bank)
        : db_(db), clock_(clock), bank_(std::move(bank)) {}

    std::optional<domain::Attempt> attempt(domain::Id id) override;
    std::optional<domain::Attempt> attempt_for_booking(domain::Id booking) override;
    std::vector<domain::Attempt> finished_attempts_of_session(domain::Id session) override;
    std::vector<domain::Attempt> unfinished_attempts() override;
    std::set<std::string> items_seen(domain::Id candidate, const std::string& unit_code) override;
    void create_attempt(domain::Attempt attempt, AuditEvent audit, domain::Completion<domain::Attempt> done) override;
    void save_response(domain::Id attempt, std::size_t index, domain::ResponseState response, domain::AttemptTime time,
                       std::int64_t revision, domain::Completion<domain::Done> done) override;
    void after_pending_writes(domain::Completion<domain::Done> done) override;
    void save_progress(const domain::Attempt& attempt, AuditEvent audit, domain::Completion<domain::Done> done) override;
    void record_irregularity(domain::Id attempt, std::string kind, domain::Millis at,
                             domain::Completion<domain::Done> done) override;

    // Item versions delivered in sittings whose content differs from the bank's
    // item of the same id and version (the bank was edited without a new version).
    std::vector<std::string> changed_item_versions();

private:
    std::vector<domain::Attempt> query(const std::string& where, std::int64_t arg);

    Database& db_;
    const domain::Clock& clock_;
    std::shared_ptr<const item_bank::Bank> bank_;
};

}  // namespace exam::storage::sql
