#include "storage/sql/sql_session_store.hpp"

#include "storage/postgresql/pg_database.hpp"
#include "storage/sqlite/database.hpp"
#include "storage/sql/inserted_id.hpp"

#include <memory>

namespace exam::storage::sql {
namespace {

constexpr const char* session_columns =
    "SELECT id, centre_id, unit_code, starts_at, ends_at, room, status FROM test_sessions ";
constexpr const char* booking_columns =
    "SELECT id, session_id, candidate_id, keycode, admitted_at, admitted_by FROM bookings ";

domain::SessionStatus parse_status(const std::string& s) {
    if (s == "open") return domain::SessionStatus::open;
    if (s == "closed") return domain::SessionStatus::closed;
    return domain::SessionStatus::scheduled;
}

std::vector<domain::TestSession> read_sessions(auto& c, auto& s) {
    std::vector<domain::TestSession> out;
    while (s.step() == Step::row) {
        out.push_back({s.column_int64(0), s.column_int64(1), s.column_text(2), s.column_int64(3), s.column_int64(4),
                       s.column_text(5), parse_status(s.column_text(6)), {}});
    }
    for (auto& session : out) {
        auto inv = c.prepare("SELECT user_id FROM session_invigilators WHERE session_id = ? ORDER BY user_id");
        inv.bind_all(session.id);
        while (inv.step() == Step::row) session.invigilators.push_back(inv.column_int64(0));
    }
    return out;
}

std::vector<domain::Booking> read_bookings(auto& s) {
    std::vector<domain::Booking> out;
    while (s.step() == Step::row) {
        out.push_back({s.column_int64(0), s.column_int64(1), s.column_int64(2), s.column_text(3),
                       s.template column<std::optional<std::int64_t>>(4),
                       s.template column<std::optional<std::string>>(5).value_or("")});
    }
    return out;
}

}  // namespace

template <class Database>
std::optional<domain::TestSession> SqlSessionStore<Database>::session(domain::Id id) {
    auto list = db_.read([&](auto& c) {
        auto s = c.prepare(std::string(session_columns) + "WHERE id = ?");
        s.bind_all(id);
        return read_sessions(c, s);
    });
    if (list.empty()) return std::nullopt;
    return list.front();
}

template <class Database>
std::vector<domain::TestSession> SqlSessionStore<Database>::sessions_of_centre(domain::Id centre) {
    return db_.read([&](auto& c) {
        auto s = c.prepare(std::string(session_columns) + "WHERE centre_id = ? ORDER BY starts_at, id");
        s.bind_all(centre);
        return read_sessions(c, s);
    });
}

template <class Database>
void SqlSessionStore<Database>::create_session(domain::TestSession session, AuditEvent audit,
                                        domain::Completion<domain::TestSession> done) {
    auto result = std::make_shared<domain::TestSession>(std::move(session));
    const auto now = clock_.now_ms();
    db_.write(
        [result, audit, now](auto& c) {
            auto s = c.prepare(
                "INSERT INTO test_sessions (centre_id, unit_code, starts_at, ends_at, room, status, created_at) "
                "VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id");
            s.bind_all(result->centre_id, result->unit_code, result->starts_at, result->ends_at, result->room,
                       std::string(domain::to_string(result->status)), now);
            result->id = run_returning_id(s);
            for (auto user : result->invigilators) {
                auto inv = c.prepare("INSERT INTO session_invigilators (session_id, user_id) VALUES (?, ?)");
                inv.bind_all(result->id, user);
                inv.run();
            }
            AuditEvent a = audit;
            a.subject = "session:" + std::to_string(result->id);
            append_audit(c, a);
        },
        [result, done](std::optional<domain::Error> e) {
            if (e) return done(*e);
            done(*result);
        });
}

template <class Database>
void SqlSessionStore<Database>::set_status(domain::Id session, domain::SessionStatus status, AuditEvent audit,
                                    domain::Completion<domain::Done> done) {
    db_.write(
        [session, status, audit](auto& c) {
            auto s = c.prepare("UPDATE test_sessions SET status = ? WHERE id = ?");
            s.bind_all(std::string(domain::to_string(status)), session);
            s.run();
            append_audit(c, audit);
        },
        on_commit(done));
}

template <class Database>
void SqlSessionStore<Database>::set_invigilators(domain::Id session, std::vector<domain::Id> users, AuditEvent audit,
                                          domain::Completion<domain::Done> done) {
    db_.write(
        [session, users = std::move(users), audit](auto& c) {
            auto clear = c.prepare("DELETE FROM session_invigilators WHERE session_id = ?");
            clear.bind_all(session);
            clear.run();
            for (auto user : users) {
                auto ins = c.prepare("INSERT INTO session_invigilators (session_id, user_id) VALUES (?, ?)");
                ins.bind_all(session, user);
                ins.run();
            }
            append_audit(c, audit);
        },
        on_commit(done));
}

template <class Database>
std::vector<domain::Booking> SqlSessionStore<Database>::bookings(domain::Id session) {
    return db_.read([&](auto& c) {
        auto s = c.prepare(std::string(booking_columns) + "WHERE session_id = ? ORDER BY id");
        s.bind_all(session);
        return read_bookings(s);
    });
}

template <class Database>
std::optional<domain::Booking> SqlSessionStore<Database>::booking(domain::Id id) {
    auto list = db_.read([&](auto& c) {
        auto s = c.prepare(std::string(booking_columns) + "WHERE id = ?");
        s.bind_all(id);
        return read_bookings(s);
    });
    if (list.empty()) return std::nullopt;
    return list.front();
}

template <class Database>
std::vector<domain::Booking> SqlSessionStore<Database>::bookings_of_candidate(domain::Id candidate) {
    return db_.read([&](auto& c) {
        auto s = c.prepare(std::string(booking_columns) + "WHERE candidate_id = ? ORDER BY id");
        s.bind_all(candidate);
        return read_bookings(s);
    });
}

template <class Database>
void SqlSessionStore<Database>::add_bookings(std::vector<domain::Booking> bookings, AuditEvent audit,
                                      domain::Completion<std::vector<domain::Booking>> done) {
    auto result = std::make_shared<std::vector<domain::Booking>>(std::move(bookings));
    const auto now = clock_.now_ms();
    db_.write(
        [result, audit, now](auto& c) {
            for (auto& b : *result) {
                auto s = c.prepare("INSERT INTO bookings (session_id, candidate_id, keycode, created_at) VALUES (?, ?, ?, ?) RETURNING id");
                s.bind_all(b.session_id, b.candidate_id, b.keycode, now);
                b.id = run_returning_id(s);
            }
            append_audit(c, audit);
        },
        [result, done](std::optional<domain::Error> e) {
            if (e) return done(e->status == 409 ? domain::conflict("a candidate is already booked on this session", "/candidates") : *e);
            done(*result);
        });
}

template <class Database>
void SqlSessionStore<Database>::admit(std::vector<domain::Id> bookings, domain::Millis at, std::string by,
                               domain::Completion<domain::Done> done) {
    db_.write(
        [bookings = std::move(bookings), at, by = std::move(by)](auto& c) {
            for (auto id : bookings) {
                auto s = c.prepare("UPDATE bookings SET admitted_at = ?, admitted_by = ? WHERE id = ? AND admitted_at IS NULL");
                s.bind_all(at, by, id);
                s.run();
                if (c.changes() == 0) continue;  // already admitted: once is enough
                append_audit(c, {at, by, "booking.admit", "booking:" + std::to_string(id), "{}"});
            }
        },
        on_commit(done));
}

template <class Database>
std::vector<domain::Incident> SqlSessionStore<Database>::incidents(domain::Id session) {
    return db_.read([&](auto& c) {
        std::vector<domain::Incident> out;
        auto s = c.prepare(
            "SELECT id, session_id, candidate_id, kind, description, recorded_by, at FROM incidents "
            "WHERE session_id = ? ORDER BY id");
        s.bind_all(session);
        while (s.step() == Step::row) {
            out.push_back({s.column_int64(0), s.column_int64(1), s.template column<std::optional<std::int64_t>>(2),
                           s.column_text(3), s.column_text(4), s.column_text(5), s.column_int64(6)});
        }
        return out;
    });
}

template <class Database>
void SqlSessionStore<Database>::add_incident(domain::Incident incident, domain::Completion<domain::Incident> done) {
    auto result = std::make_shared<domain::Incident>(std::move(incident));
    db_.write(
        [result](auto& c) {
            const auto& i = *result;
            auto s = c.prepare(
                "INSERT INTO incidents (session_id, candidate_id, kind, description, recorded_by, at) "
                "VALUES (?, ?, ?, ?, ?, ?) RETURNING id");
            s.bind_all(i.session_id, i.candidate_id, i.kind, i.description, i.recorded_by, i.at);
            result->id = run_returning_id(s);
            std::string details = R"({"incident":)" + std::to_string(result->id) + R"(,"kind":)" + quoted_json(i.kind);
            if (i.candidate_id) details += R"(,"candidate":)" + std::to_string(*i.candidate_id);
            details += R"(,"description":)" + quoted_json(i.description) + "}";
            append_audit(c, {i.at, i.recorded_by, "incident.record", "session:" + std::to_string(i.session_id), details});
        },
        [result, done](std::optional<domain::Error> e) {
            if (e) return done(*e);
            done(*result);
        });
}

template class SqlSessionStore<sqlite::Database>;
template class SqlSessionStore<postgresql::PgDatabase>;

}  // namespace exam::storage::sql
