#include "storage/postgresql/pg_connection.hpp"

#include <libpq-fe.h>

#include <cstdlib>

#include "storage/postgresql/pg_placeholders.hpp"
#include "storage/postgresql/pg_statement.hpp"

namespace exam::storage::postgresql {
namespace {

[[noreturn]] void throw_result_error(PGresult* result, std::string_view sql) {
    const char* state = PQresultErrorField(result, PG_DIAG_SQLSTATE);
    std::string message = PQresultErrorMessage(result);
    while (!message.empty() && (message.back() == '\n' || message.back() == ' ')) message.pop_back();
    std::string sqlstate = state ? state : "";
    PQclear(result);
    throw PgError(message + " (in: " + std::string(sql.substr(0, 120)) + ")", sqlstate);
}

PGresult* checked(PGresult* result, PGconn* connection, std::string_view sql) {
    if (result == nullptr) throw PgError(std::string("no result from PostgreSQL: ") + PQerrorMessage(connection), "");
    const auto status = PQresultStatus(result);
    if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK) throw_result_error(result, sql);
    return result;
}

// libpq's parameter arrays for `params`: integers as decimal text (kept in
// `texts`), bytes binary, NULL as a null pointer.
struct ParamArrays {
    explicit ParamArrays(const std::vector<PgParam>& params)
        : texts(params.size()), values(params.size(), nullptr), lengths(params.size(), 0), formats(params.size(), 0) {
        for (std::size_t i = 0; i < params.size(); ++i) {
            if (const auto* s = std::get_if<std::string>(&params[i])) {
                values[i] = s->c_str();
            } else if (const auto* n = std::get_if<std::int64_t>(&params[i])) {
                texts[i] = std::to_string(*n);
                values[i] = texts[i].c_str();
            } else if (const auto* b = std::get_if<Bytes>(&params[i])) {
                values[i] = b->value.data();
                lengths[i] = static_cast<int>(b->value.size());
                formats[i] = 1;  // binary: bytes as they are, no escaping
            }
        }
    }
    int count() const { return static_cast<int>(values.size()); }

    std::vector<std::string> texts;
    std::vector<const char*> values;
    std::vector<int> lengths, formats;
};

}  // namespace

void PgResult::Free::operator()(pg_result* r) const { PQclear(r); }

int PgResult::rows() const { return PQntuples(result_.get()); }

int PgResult::columns() const { return PQnfields(result_.get()); }

std::int64_t PgResult::affected_rows() const {
    const char* count = PQcmdTuples(result_.get());
    return (count == nullptr || *count == '\0') ? 0 : std::strtoll(count, nullptr, 10);
}

bool PgResult::is_null(int row, int column) const { return PQgetisnull(result_.get(), row, column) == 1; }

std::string PgResult::text(int row, int column) const {
    return std::string(PQgetvalue(result_.get(), row, column), static_cast<std::size_t>(PQgetlength(result_.get(), row, column)));
}

std::int64_t PgResult::int64(int row, int column) const { return std::stoll(text(row, column)); }

std::string PgResult::bytes(int row, int column) const {
    std::size_t length = 0;
    unsigned char* decoded =
        PQunescapeBytea(reinterpret_cast<const unsigned char*>(PQgetvalue(result_.get(), row, column)), &length);
    if (decoded == nullptr) throw PgError("cannot decode a bytea value", "");
    std::string out(reinterpret_cast<const char*>(decoded), length);
    PQfreemem(decoded);
    return out;
}

void PgConnection::Finish::operator()(pg_conn* c) const { PQfinish(c); }

PgConnection::PgConnection(const std::string& conninfo) : connection_(PQconnectdb(conninfo.c_str())) {
    if (!connection_ || PQstatus(connection_.get()) != CONNECTION_OK) {
        throw PgError(std::string("cannot connect to PostgreSQL: ") +
                          (connection_ ? PQerrorMessage(connection_.get()) : "out of memory"),
                      "");
    }
    // Durability as on SQLite: a commit returns once it is on disk (the
    // server's default, stated so a changed default cannot weaken it).
    exec("SET synchronous_commit = on");
    // Notices ("already exists, skipping") are for people at a psql prompt, not a server log.
    exec("SET client_min_messages = warning");
}

PgResult PgConnection::exec(std::string_view sql, const std::vector<PgParam>& params) {
    const ParamArrays p(params);
    const std::string statement(sql);
    PGresult* result = PQexecParams(connection_.get(), statement.c_str(), p.count(), nullptr, p.values.data(),
                                    p.lengths.data(), p.formats.data(), 0);
    PgResult out(checked(result, connection_.get(), sql));
    changes_ = out.affected_rows();
    return out;
}

PgStatement PgConnection::prepare(std::string_view sql) {
    const std::string key(sql);
    auto found = prepared_.find(key);
    if (found == prepared_.end()) {
        const std::string name = "exam_" + std::to_string(prepared_.size() + 1);
        const std::string translated = postgresql_placeholders(sql);
        // Parameter types are left for the server to infer from the SQL.
        PQclear(checked(PQprepare(connection_.get(), name.c_str(), translated.c_str(), 0, nullptr), connection_.get(),
                        translated));
        found = prepared_.emplace(key, name).first;
    }
    return PgStatement(*this, found->first, found->second);
}

PgResult PgConnection::exec_prepared(const std::string& name, std::string_view sql, const std::vector<PgParam>& params) {
    const ParamArrays p(params);
    PGresult* result =
        PQexecPrepared(connection_.get(), name.c_str(), p.count(), p.values.data(), p.lengths.data(), p.formats.data(), 0);
    PgResult out(checked(result, connection_.get(), sql));
    changes_ = out.affected_rows();
    return out;
}

bool PgConnection::ok() const { return PQstatus(connection_.get()) == CONNECTION_OK; }

bool PgConnection::transaction_failed() const { return PQtransactionStatus(connection_.get()) == PQTRANS_INERROR; }

void PgConnection::exec_script(std::string_view sql) {
    const std::string script(sql);
    PQclear(checked(PQexec(connection_.get(), script.c_str()), connection_.get(), sql));
}

PgTransaction::PgTransaction(PgConnection& connection, std::string_view begin) : connection_(connection) {
    connection_.exec(begin);
}

PgTransaction::~PgTransaction() {
    if (done_) return;
    try {
        connection_.exec("ROLLBACK");
    } catch (...) {
        // The connection is failing anyway; its next use reports why.
    }
}

void PgTransaction::commit() {
    // COMMIT in a failed transaction "succeeds" by rolling back: never report that as saved.
    if (connection_.transaction_failed()) throw PgError("the transaction failed before its commit", "25P02");
    connection_.exec("COMMIT");
    done_ = true;
}

}  // namespace exam::storage::postgresql
