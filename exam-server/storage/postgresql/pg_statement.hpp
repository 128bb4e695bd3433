#pragma once
// A statement prepared on one PostgreSQL connection, with the same surface as
// SQLite's Statement (bind, step, typed column getters), so the stores' code
// is shared by both engines (storage/sql/). Obtained from
// PgConnection::prepare(): the SQL is prepared on the server once per
// connection and executed with its parameters on the first step().
//
// Parameters are numbered from 1, result columns from 0. Integers go as
// their decimal text, bytes as binary; results come back as text and are
// converted by the getters, which throw PgError on NULL (for a non-optional
// type) or on a value that is not of the type asked for.
//
// Thread safety: none; used by the one thread using its connection.

#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "storage/postgresql/pg_connection.hpp"
#include "storage/statement_types.hpp"

namespace exam::storage::postgresql {

class PgStatement {
public:
    template <BindableInteger T>
    PgStatement& bind(int index, T value) {
        if constexpr (std::same_as<T, bool>) {
            return set(index, std::int64_t{value ? 1 : 0});
        } else {
            if (!std::in_range<std::int64_t>(value)) throw_unrepresentable(index);
            return set(index, static_cast<std::int64_t>(value));
        }
    }
    template <Character T>
    PgStatement& bind(int index, T value) = delete;
    PgStatement& bind(int index, double value);
    PgStatement& bind(int index, std::string_view text) { return set(index, std::string(text)); }
    PgStatement& bind(int index, const char* text) { return set(index, std::string(text)); }
    PgStatement& bind(int index, std::span<const std::byte> blob);
    PgStatement& bind(int index, std::nullptr_t) { return set(index, nullptr); }
    PgStatement& bind(int index, std::nullopt_t) { return set(index, nullptr); }
    template <class T>
    PgStatement& bind(int index, const std::optional<T>& value) {
        return value ? bind(index, *value) : bind(index, nullptr);
    }
    template <class... Values>
    PgStatement& bind_all(const Values&... values) {
        int index = 0;
        (bind(++index, values), ...);
        return *this;
    }

    // The first call runs the statement (throwing PgError if it fails); each
    // call moves to the next row of its result.
    Step step();
    void run();

    bool is_null(int column) const;
    std::int64_t column_int64(int column) const;
    double column_double(int column) const;
    std::string column_text(int column) const;
    std::vector<std::byte> column_blob(int column) const;
    template <class T>
    T column(int column) const;
    int column_count() const;

    // Ready to run again, every parameter unbound (NULL).
    void reset();

private:
    friend class PgConnection;
    PgStatement(PgConnection& connection, const std::string& sql, const std::string& name)
        : connection_(&connection), sql_(&sql), name_(&name) {}

    PgStatement& set(int index, PgParam value);
    void check_row(int column) const;
    [[noreturn]] void throw_unrepresentable(int index) const;
    template <class T, class S>
    friend T storage::read_column(const S&, int);
    [[noreturn]] void throw_mismatch(int column, std::string_view why) const;

    PgConnection* connection_;
    const std::string* sql_;   // as the store wrote it, for messages; owned by the connection
    const std::string* name_;  // the prepared statement's name, likewise
    std::vector<PgParam> params_;
    std::optional<PgResult> result_;
    int row_ = -1;
};

template <class T>
T PgStatement::column(int column) const {
    return read_column<T>(*this, column);
}

}  // namespace exam::storage::postgresql
