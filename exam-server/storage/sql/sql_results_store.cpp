#include "storage/sql/sql_results_store.hpp"

#include "storage/postgresql/pg_database.hpp"
#include "storage/sqlite/database.hpp"

#include "storage/sql/result_json.hpp"

namespace exam::storage::sql {

template <class Database>
std::vector<domain::ResultLine> SqlResultsStore<Database>::results(const ResultQuery& q) {
    // One statement for every combination of filters: an absent filter binds
    // NULL and its condition holds. The CASTs give each parameter a type, which
    // PostgreSQL needs to plan `$n IS NULL` and SQLite accepts.
    static constexpr const char* sql =
        "SELECT s.id, s.starts_at, s.unit_code, c.id, c.candidate_number, c.given_name, c.family_name, c.uln, "
        "a.id, a.state, a.submitted_by, a.submitted_at, a.result "
        "FROM bookings b "
        "JOIN test_sessions s ON s.id = b.session_id "
        "JOIN candidates c ON c.id = b.candidate_id "
        "LEFT JOIN attempts a ON a.booking_id = b.id "
        "WHERE s.centre_id = ?1 "
        "AND (CAST(?2 AS BIGINT) IS NULL OR s.starts_at >= CAST(?2 AS BIGINT)) "
        "AND (CAST(?3 AS BIGINT) IS NULL OR s.starts_at < CAST(?3 AS BIGINT)) "
        "AND (CAST(?4 AS TEXT) IS NULL OR s.unit_code = CAST(?4 AS TEXT)) "
        "AND (CAST(?5 AS BIGINT) IS NULL OR s.id = CAST(?5 AS BIGINT)) "
        "AND (CAST(?6 AS TEXT) IS NULL OR c.candidate_number = CAST(?6 AS TEXT)) "
        "ORDER BY s.starts_at, s.id, c.candidate_number";
    return db_.read([&](auto& c) {
        auto s = c.prepare(sql);
        s.bind_all(q.centre, q.from, q.to, q.unit, q.session, q.candidate_number);
        std::vector<domain::ResultLine> out;
        while (s.step() == Step::row) {
            domain::ResultLine l;
            l.session_id = s.column_int64(0);
            l.session_starts_at = s.column_int64(1);
            l.unit_code = s.column_text(2);
            l.candidate_id = s.column_int64(3);
            l.candidate_number = s.column_text(4);
            l.given_name = s.column_text(5);
            l.family_name = s.column_text(6);
            l.uln = s.column_text(7);
            l.attempt_id = s.template column<std::optional<std::int64_t>>(8);
            l.state = s.template column<std::optional<std::string>>(9).value_or("booked");
            l.submitted_by = s.template column<std::optional<std::string>>(10);
            l.submitted_at = s.template column<std::optional<std::int64_t>>(11);
            if (auto r = s.template column<std::optional<std::string>>(12)) l.result = result_from_json(*r);
            out.push_back(std::move(l));
        }
        return out;
    });
}

template class SqlResultsStore<sqlite::Database>;
template class SqlResultsStore<postgresql::PgDatabase>;

}  // namespace exam::storage::sql
