#pragma once
// One connection to PostgreSQL through libpq, owned (RAII) and used by one
// thread at a time. Values go in only as parameters ($1, $2...), never into
// the SQL text: text parameters for everything but bytes, which go binary.
// libpq's header stays in the .cpp so the rest of the server compiles without it.

#include <cstdint>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <unordered_map>
#include <variant>
#include <vector>

struct pg_conn;
struct pg_result;

namespace exam::storage::postgresql {

// A failed command or connection, with the SQLSTATE PostgreSQL gave (empty
// when it gave none: the connection itself failed).
class PgError : public std::runtime_error {
public:
    PgError(std::string message, std::string sqlstate) : std::runtime_error(std::move(message)), sqlstate_(std::move(sqlstate)) {}
    const std::string& sqlstate() const { return sqlstate_; }

private:
    std::string sqlstate_;
};

struct Bytes {
    std::string value;  // any bytes, NULs included
};

// A parameter: NULL, text (integers are written as their decimal text), or bytes.
using PgParam = std::variant<std::nullptr_t, std::string, std::int64_t, Bytes>;

class PgResult {
public:
    explicit PgResult(pg_result* result) : result_(result) {}
    PgResult(PgResult&&) noexcept = default;
    PgResult& operator=(PgResult&&) noexcept = default;

    int rows() const;
    int columns() const;
    // Rows an INSERT, UPDATE or DELETE touched (0 for other commands).
    std::int64_t affected_rows() const;
    bool is_null(int row, int column) const;
    std::string text(int row, int column) const;
    std::int64_t int64(int row, int column) const;
    // A bytea column: the bytes, decoded from the text form PostgreSQL sends.
    std::string bytes(int row, int column) const;

private:
    struct Free {
        void operator()(pg_result* r) const;
    };
    std::unique_ptr<pg_result, Free> result_;
};

class PgStatement;

class PgConnection {
public:
    // `conninfo`: a libpq connection string or URI ("postgresql://exam@127.0.0.1:5432/exam").
    explicit PgConnection(const std::string& conninfo);
    PgConnection(const PgConnection&) = delete;
    PgConnection& operator=(const PgConnection&) = delete;

    // One statement with parameters; throws PgError when it fails.
    PgResult exec(std::string_view sql, const std::vector<PgParam>& params = {});
    // Several statements without parameters (a migration's script), as one
    // command: inside a transaction block they stand or fall together.
    void exec_script(std::string_view sql);
    // Whether the connection to the server still stands (false after the server went away).
    bool ok() const;
    // Whether the open transaction has failed (PostgreSQL would answer COMMIT with a rollback).
    bool transaction_failed() const;

    // A statement in SQLite's notation (`?`, `?N`), prepared on the server the
    // first time this connection sees its SQL and reused after; see pg_statement.hpp.
    PgStatement prepare(std::string_view sql);
    // Rows the last INSERT, UPDATE or DELETE run on this connection touched.
    std::int64_t changes() const { return changes_; }
    std::size_t prepared_statements() const { return prepared_.size(); }

private:
    friend class PgStatement;
    PgResult exec_prepared(const std::string& name, std::string_view sql, const std::vector<PgParam>& params);

    struct Finish {
        void operator()(pg_conn* c) const;
    };
    std::unique_ptr<pg_conn, Finish> connection_;
    std::unordered_map<std::string, std::string> prepared_;  // SQL as the store wrote it -> statement name
    std::int64_t changes_ = 0;
};

// BEGIN (or `begin`, with its isolation level) on construction; ROLLBACK on
// destruction unless committed.
class PgTransaction {
public:
    explicit PgTransaction(PgConnection& connection, std::string_view begin = "BEGIN");
    ~PgTransaction();
    PgTransaction(const PgTransaction&) = delete;
    PgTransaction& operator=(const PgTransaction&) = delete;
    void commit();

private:
    PgConnection& connection_;
    bool done_ = false;
};

}  // namespace exam::storage::postgresql
