#include "storage/sqlite/statement.hpp"

#include <sqlite3.h>

#include "storage/sqlite/error.hpp"
#include "storage/sqlite/raise_error.hpp"

namespace exam::storage::sqlite {

Statement::Statement(Statement&& other) noexcept
    : handle_(std::exchange(other.handle_, nullptr)), home_(std::exchange(other.home_, nullptr)) {}

Statement& Statement::operator=(Statement&& other) noexcept {
    if (this != &other) {
        release();
        handle_ = std::exchange(other.handle_, nullptr);
        home_ = std::exchange(other.home_, nullptr);
    }
    return *this;
}

Statement::~Statement() { release(); }

void Statement::release() noexcept {
    if (handle_ == nullptr) return;
    sqlite3_stmt* handle = std::exchange(handle_, nullptr);
    if (home_ != nullptr) {
        // Reset before caching: a statement left mid-result would keep its read
        // snapshot, and so the WAL, pinned until its next use.
        sqlite3_reset(handle);
        sqlite3_clear_bindings(handle);
        try {
            home_->push_back(handle);
            return;
        } catch (...) {
            // Out of memory: losing the cached copy is harmless.
        }
    }
    sqlite3_finalize(handle);
}

Statement& Statement::bind_int64(int index, std::int64_t value) {
    check(sqlite3_db_handle(handle_), sqlite3_bind_int64(handle_, index, value), sqlite3_sql(handle_));
    return *this;
}

Statement& Statement::bind(int index, double value) {
    check(sqlite3_db_handle(handle_), sqlite3_bind_double(handle_, index, value), sqlite3_sql(handle_));
    return *this;
}

Statement& Statement::bind(int index, std::string_view text) {
    // SQLite binds NULL for a null pointer, and an empty view may have one.
    const char* data = text.data() != nullptr ? text.data() : "";
    check(sqlite3_db_handle(handle_),
          sqlite3_bind_text64(handle_, index, data, text.size(), SQLITE_TRANSIENT, SQLITE_UTF8), sqlite3_sql(handle_));
    return *this;
}

Statement& Statement::bind(int index, std::span<const std::byte> blob) {
    // As for text: an empty blob must stay an empty blob, not become NULL.
    const int rc = blob.empty() ? sqlite3_bind_zeroblob(handle_, index, 0)
                                : sqlite3_bind_blob64(handle_, index, blob.data(), blob.size(), SQLITE_TRANSIENT);
    check(sqlite3_db_handle(handle_), rc, sqlite3_sql(handle_));
    return *this;
}

Statement& Statement::bind(int index, std::nullptr_t) {
    check(sqlite3_db_handle(handle_), sqlite3_bind_null(handle_, index), sqlite3_sql(handle_));
    return *this;
}

void Statement::throw_unrepresentable(int index) const {
    throw Error(SQLITE_MISMATCH, "parameter " + std::to_string(index) + " does not fit a 64-bit signed integer",
                sqlite3_sql(handle_));
}

Step Statement::step() {
    const int rc = sqlite3_step(handle_);
    if (rc == SQLITE_ROW) return Step::row;
    if (rc == SQLITE_DONE) return Step::done;
    raise_error(sqlite3_db_handle(handle_), rc, sqlite3_sql(handle_));
}

void Statement::run() {
    while (step() == Step::row) {
    }
}

void Statement::check_column(int column) const {
    if (column < 0 || column >= sqlite3_column_count(handle_)) {
        throw Error(SQLITE_RANGE, "no result column " + std::to_string(column), sqlite3_sql(handle_));
    }
}

void Statement::throw_mismatch(int column, std::string_view why) const {
    throw Error(SQLITE_MISMATCH, "result column " + std::to_string(column) + ": " + std::string(why),
                sqlite3_sql(handle_));
}

bool Statement::is_null(int column) const {
    check_column(column);
    return sqlite3_column_type(handle_, column) == SQLITE_NULL;
}

std::int64_t Statement::column_int64(int column) const {
    if (is_null(column)) throw_mismatch(column, "NULL where an integer was expected");
    return sqlite3_column_int64(handle_, column);
}

double Statement::column_double(int column) const {
    if (is_null(column)) throw_mismatch(column, "NULL where a number was expected");
    return sqlite3_column_double(handle_, column);
}

std::string Statement::column_text(int column) const {
    if (is_null(column)) throw_mismatch(column, "NULL where text was expected");
    // Text first, then its size: the size call must follow the conversion.
    const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(handle_, column));
    const auto size = static_cast<std::size_t>(sqlite3_column_bytes(handle_, column));
    return text != nullptr ? std::string(text, size) : std::string();
}

std::vector<std::byte> Statement::column_blob(int column) const {
    if (is_null(column)) throw_mismatch(column, "NULL where a blob was expected");
    const auto* data = static_cast<const std::byte*>(sqlite3_column_blob(handle_, column));
    const auto size = static_cast<std::size_t>(sqlite3_column_bytes(handle_, column));
    return data != nullptr ? std::vector<std::byte>(data, data + size) : std::vector<std::byte>();
}

int Statement::column_count() const { return sqlite3_column_count(handle_); }

void Statement::reset() {
    // sqlite3_reset repeats the last step's error, which step() already threw.
    sqlite3_reset(handle_);
    sqlite3_clear_bindings(handle_);
}

std::string Statement::sql() const { return sqlite3_sql(handle_); }

}  // namespace exam::storage::sqlite
