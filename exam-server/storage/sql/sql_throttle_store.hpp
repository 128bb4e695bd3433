#pragma once
#include "storage/throttle_store.hpp"

namespace exam::storage::sql {

// Compiled for both engines (sqlite::Database, postgresql::PgDatabase) in its .cpp.
template <class Database>
class SqlThrottleStore final : public ThrottleStore {
public:
    explicit SqlThrottleStore(Database& db) : db_(db) {}
    std::vector<domain::Millis> recent_failures(const std::string& key, domain::Millis since, std::size_t limit) override;
    void record_failure(const std::string& key, domain::Millis at, domain::Millis forget_before,
                        domain::Completion<domain::Done> done) override;
    void clear(const std::string& key, domain::Completion<domain::Done> done) override;

private:
    Database& db_;
};

}  // namespace exam::storage::sql
