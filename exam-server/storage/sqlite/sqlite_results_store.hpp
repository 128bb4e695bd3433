#pragma once
#include "storage/results_store.hpp"
#include "storage/sqlite/database.hpp"

namespace exam::storage::sqlite {

class SqliteResultsStore final : public ResultsStore {
public:
    explicit SqliteResultsStore(Database& db) : db_(db) {}
    std::vector<domain::ResultLine> results(const ResultQuery& query) override;

private:
    Database& db_;
};

}  // namespace exam::storage::sqlite
