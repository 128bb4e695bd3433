#pragma once
// A prepared statement: values go in only through bind(), never into the SQL
// text, and come out through typed getters. Obtained from
// Connection::prepare(); when the handle is destroyed the statement is reset
// (ending any read it had open) and returned to the connection's cache.
//
// Parameters are numbered from 1 (as `?1`, `?2`... in the SQL); result columns
// from 0, as SQLite numbers them.
//
// Thread safety: none; used by the one thread using its connection. It must
// not outlive that connection.

#include <concepts>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

#include "storage/sqlite/statement_cache.hpp"
#include "storage/statement_types.hpp"

struct sqlite3_stmt;

namespace exam::storage::sqlite {

using storage::BindableInteger;
using storage::Character;
using storage::Step;

class Statement {
public:
    Statement(Statement&& other) noexcept;
    Statement& operator=(Statement&& other) noexcept;
    Statement(const Statement&) = delete;
    Statement& operator=(const Statement&) = delete;
    ~Statement();

    // Each throws Error (SQLITE_RANGE) for an index the SQL has no parameter for,
    // and Error (SQLITE_MISMATCH) for an unsigned value beyond int64.
    template <BindableInteger T>
    Statement& bind(int index, T value) {
        if constexpr (std::same_as<T, bool>) {
            return bind_int64(index, value ? 1 : 0);
        } else {
            if (!std::in_range<std::int64_t>(value)) throw_unrepresentable(index);
            return bind_int64(index, static_cast<std::int64_t>(value));
        }
    }
    // A lone character would otherwise convert to double and bind as a REAL.
    template <Character T>
    Statement& bind(int index, T value) = delete;
    Statement& bind(int index, double value);
    Statement& bind(int index, std::string_view text);  // copied: the view need not outlive the call
    Statement& bind(int index, std::span<const std::byte> blob);  // copied likewise
    Statement& bind(int index, std::nullptr_t);
    Statement& bind(int index, std::nullopt_t) { return bind(index, nullptr); }
    template <class T>
    Statement& bind(int index, const std::optional<T>& value) {
        return value ? bind(index, *value) : bind(index, nullptr);
    }
    // Binds the values to parameters 1, 2, 3... in order.
    template <class... Values>
    Statement& bind_all(const Values&... values) {
        int index = 0;
        (bind(++index, values), ...);
        return *this;
    }

    // Throws Error on failure (a constraint violation, a busy database...).
    Step step();
    // Steps until done, for statements whose rows, if any, are not wanted.
    void run();

    // Getters for the current row. A non-optional getter throws Error
    // (SQLITE_MISMATCH) on NULL rather than inventing a 0 or "", and every getter
    // throws Error (SQLITE_RANGE) for a column the result does not have.
    bool is_null(int column) const;
    std::int64_t column_int64(int column) const;
    double column_double(int column) const;
    std::string column_text(int column) const;
    std::vector<std::byte> column_blob(int column) const;
    // The same by type: any BindableInteger (range-checked; bool must be 0 or 1), double,
    // std::string, std::vector<std::byte>, or std::optional of one of them,
    // which is empty for NULL.
    template <class T>
    T column(int column) const;
    int column_count() const;

    // Ready to run again from the start, with every parameter unbound (NULL).
    void reset();

    std::string sql() const;

private:
    friend class Connection;
    Statement(sqlite3_stmt* handle, StatementCache::IdleList* home) noexcept : handle_(handle), home_(home) {}

    Statement& bind_int64(int index, std::int64_t value);
    void check_column(int column) const;
    [[noreturn]] void throw_unrepresentable(int index) const;  // an unsigned value beyond int64
    template <class T, class S>
    friend T storage::read_column(const S&, int);
    [[noreturn]] void throw_mismatch(int column, std::string_view why) const;
    // Back to the cache if it has a slot for this SQL, finalized otherwise.
    void release() noexcept;

    sqlite3_stmt* handle_ = nullptr;
    StatementCache::IdleList* home_ = nullptr;
};

template <class T>
T Statement::column(int column) const {
    return read_column<T>(*this, column);
}

}  // namespace exam::storage::sqlite
