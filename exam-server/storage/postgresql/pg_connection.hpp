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

private:
    struct Finish {
        void operator()(pg_conn* c) const;
    };
    std::unique_ptr<pg_conn, Finish> connection_;
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
