#include "storage/sqlite/error.hpp"

#include <sqlite3.h>

namespace exam::storage::sqlite {

namespace {

std::string describe(int extended_code, const std::string& message, const std::string& sql) {
    std::string text = "sqlite error " + std::to_string(extended_code) + " (" + sqlite3_errstr(extended_code) +
                       "): " + message;
    if (!sql.empty()) text += " [sql: " + sql + "]";
    return text;
}

}  // namespace

Error::Error(int extended_code, std::string message, std::string sql)
    : std::runtime_error(describe(extended_code, message, sql)),
      extended_code_(extended_code),
      message_(std::move(message)),
      sql_(std::move(sql)) {}

bool Error::is_constraint_violation() const noexcept { return code() == SQLITE_CONSTRAINT; }

bool Error::is_busy() const noexcept { return code() == SQLITE_BUSY; }

}  // namespace exam::storage::sqlite
