#include "storage/sqlite/statement_cache.hpp"

#include <sqlite3.h>

namespace exam::storage::sqlite {

StatementCache::~StatementCache() {
    for (auto& [sql, idle] : slots_) {
        for (sqlite3_stmt* statement : idle) sqlite3_finalize(statement);
    }
}

StatementCache::IdleList* StatementCache::slot(std::string_view sql) {
    if (const auto found = slots_.find(sql); found != slots_.end()) return &found->second;
    if (slots_.size() >= capacity_) return nullptr;
    return &slots_.emplace(std::string(sql), IdleList{}).first->second;
}

std::size_t StatementCache::idle_statements() const {
    std::size_t idle = 0;
    for (const auto& [sql, statements] : slots_) idle += statements.size();
    return idle;
}

}  // namespace exam::storage::sqlite
