#include "storage/sql/sql_throttle_store.hpp"

#include "storage/postgresql/pg_database.hpp"
#include "storage/sqlite/database.hpp"

namespace exam::storage::sql {

template <class Database>
std::vector<domain::Millis> SqlThrottleStore<Database>::recent_failures(const std::string& key, domain::Millis since,
                                                                        std::size_t limit) {
    return db_.read([&](auto& c) {
        auto s = c.prepare("SELECT at FROM login_failures WHERE throttle_key = ? AND at >= ? ORDER BY at DESC LIMIT ?");
        s.bind_all(key, since, limit);
        std::vector<domain::Millis> out;
        while (s.step() == Step::row) out.push_back(s.column_int64(0));
        return out;
    });
}

template <class Database>
void SqlThrottleStore<Database>::record_failure(const std::string& key, domain::Millis at, domain::Millis forget_before,
                                                domain::Completion<domain::Done> done) {
    db_.write(
        [key, at, forget_before](auto& c) {
            c.prepare("DELETE FROM login_failures WHERE throttle_key = ? AND at < ?").bind_all(key, forget_before).run();
            c.prepare("INSERT INTO login_failures (throttle_key, at) VALUES (?, ?)").bind_all(key, at).run();
        },
        on_commit(std::move(done)));
}

template <class Database>
void SqlThrottleStore<Database>::clear(const std::string& key, domain::Completion<domain::Done> done) {
    db_.write([key](auto& c) { c.prepare("DELETE FROM login_failures WHERE throttle_key = ?").bind_all(key).run(); },
              on_commit(std::move(done)));
}

template class SqlThrottleStore<sqlite::Database>;
template class SqlThrottleStore<postgresql::PgDatabase>;

}  // namespace exam::storage::sql
