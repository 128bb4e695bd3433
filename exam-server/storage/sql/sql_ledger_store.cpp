#include "storage/sql/sql_ledger_store.hpp"

#include "storage/postgresql/pg_database.hpp"
#include "storage/sqlite/database.hpp"
#include "storage/sql/inserted_id.hpp"

#include <memory>

namespace exam::storage::sql {
namespace {

constexpr const char* columns =
    "SELECT id, candidate_id, unit_code, achieved_on, route, attempt_id, evidence, status, void_reason, recorded_by "
    "FROM unit_achievements ";

std::vector<domain::Achievement> read_all(auto& s) {
    std::vector<domain::Achievement> out;
    while (s.step() == Step::row) {
        domain::Achievement a;
        a.id = s.column_int64(0);
        a.candidate_id = s.column_int64(1);
        a.unit_code = s.column_text(2);
        a.achieved_on = s.column_text(3);
        a.route = domain::parse_achievement_route(s.column_text(4)).value_or(domain::AchievementRoute::onscreen_test);
        a.attempt_id = s.template column<std::optional<std::int64_t>>(5);
        a.evidence = s.column_text(6);
        a.active = s.column_text(7) == "active";
        a.void_reason = s.template column<std::optional<std::string>>(8).value_or("");
        a.recorded_by = s.column_text(9);
        out.push_back(std::move(a));
    }
    return out;
}

}  // namespace

template <class Database>
std::vector<domain::Achievement> SqlLedgerStore<Database>::achievements(domain::Id candidate) {
    return db_.read([&](auto& c) {
        auto s = c.prepare(std::string(columns) + "WHERE candidate_id = ? ORDER BY id");
        s.bind_all(candidate);
        return read_all(s);
    });
}

template <class Database>
std::optional<domain::Achievement> SqlLedgerStore<Database>::achievement(domain::Id id) {
    auto list = db_.read([&](auto& c) {
        auto s = c.prepare(std::string(columns) + "WHERE id = ?");
        s.bind_all(id);
        return read_all(s);
    });
    if (list.empty()) return std::nullopt;
    return list.front();
}

template <class Database>
void SqlLedgerStore<Database>::record(domain::Achievement achievement, AuditEvent audit,
                               domain::Completion<domain::Achievement> done) {
    auto result = std::make_shared<domain::Achievement>(std::move(achievement));
    const auto now = clock_.now_ms();
    db_.write(
        [result, audit, now](auto& c) {
            auto s = c.prepare(
                "INSERT INTO unit_achievements (candidate_id, unit_code, achieved_on, route, attempt_id, evidence, status, "
                "recorded_by, created_at) VALUES (?, ?, ?, ?, NULL, ?, 'active', ?, ?) RETURNING id");
            s.bind_all(result->candidate_id, result->unit_code, result->achieved_on,
                       std::string(domain::to_string(result->route)), result->evidence, result->recorded_by, now);
            result->id = run_returning_id(s);
            append_audit(c, audit);
        },
        [result, done](std::optional<domain::Error> e) {
            if (e) {
                return done(e->status == 409 ? domain::conflict("the candidate already has this unit: void that "
                                                                "achievement first to record it by another route",
                                                                "/unit")
                                             : *e);
            }
            done(*result);
        });
}

template <class Database>
void SqlLedgerStore<Database>::void_achievement(domain::Id id, std::string reason, AuditEvent audit,
                                         domain::Completion<domain::Done> done) {
    db_.write(
        [id, reason, audit](auto& c) {
            auto s = c.prepare("UPDATE unit_achievements SET status = 'voided', void_reason = ? WHERE id = ? AND status = 'active'");
            s.bind_all(reason, id);
            s.run();
            if (c.changes() == 0) throw domain::Error{409, "not_active", "this achievement is already void", {}};
            append_audit(c, audit);
        },
        on_commit(std::move(done)));
}

template class SqlLedgerStore<sqlite::Database>;
template class SqlLedgerStore<postgresql::PgDatabase>;

}  // namespace exam::storage::sql
