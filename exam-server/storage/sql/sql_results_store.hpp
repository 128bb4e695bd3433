#pragma once
#include "storage/results_store.hpp"

namespace exam::storage::sql {

// Compiled for both engines (sqlite::Database, postgresql::PgDatabase) in its .cpp.
template <class Database>
class SqlResultsStore final : public ResultsStore {
public:
    explicit SqlResultsStore(Database& db) : db_(db) {}
    std::vector<domain::ResultLine> results(const ResultQuery& query) override;

private:
    Database& db_;
};

}  // namespace exam::storage::sql
