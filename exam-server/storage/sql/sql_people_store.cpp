#include "storage/sql/sql_people_store.hpp"

#include "storage/postgresql/pg_database.hpp"
#include "storage/sqlite/database.hpp"
#include "storage/sql/inserted_id.hpp"

#include <memory>

namespace exam::storage::sql {
namespace {

constexpr const char* centre_columns = "SELECT id, number, name FROM centres ";
constexpr const char* user_columns =
    "SELECT id, username, display_name, role, centre_id, password_hash, active FROM staff_users ";
constexpr const char* candidate_columns =
    "SELECT id, centre_id, candidate_number, given_name, family_name, date_of_birth, uln, extra_time_percent "
    "FROM candidates ";

// Generic lambdas rather than function templates, so they pass as arguments.
constexpr auto read_centre = [](auto& s) -> domain::Centre {
    return {s.column_int64(0), s.column_text(1), s.column_text(2)};
};

constexpr auto read_user = [](auto& s) {
    domain::StaffUser u;
    u.id = s.column_int64(0);
    u.username = s.column_text(1);
    u.display_name = s.column_text(2);
    u.role = domain::parse_role(s.column_text(3)).value_or(domain::Role::invigilator);
    u.centre_id = s.template column<std::optional<std::int64_t>>(4);
    u.password_hash = s.column_text(5);
    u.active = s.column_int64(6) != 0;
    return u;
};

constexpr auto read_candidate = [](auto& s) -> domain::Candidate {
    return {s.column_int64(0), s.column_int64(1), s.column_text(2), s.column_text(3),
            s.column_text(4),  s.column_text(5),  s.column_text(6), static_cast<int>(s.column_int64(7))};
};

template <class T, class Reader, class... Args>
std::optional<T> one(auto& db, const std::string& sql, Reader reader, const Args&... args) {
    return db.read([&](auto& c) -> std::optional<T> {
        auto s = c.prepare(sql);
        s.bind_all(args...);
        if (s.step() == Step::row) return reader(s);
        return std::nullopt;
    });
}

template <class T, class Reader, class... Args>
std::vector<T> all(auto& db, const std::string& sql, Reader reader, const Args&... args) {
    return db.read([&](auto& c) {
        std::vector<T> out;
        auto s = c.prepare(sql);
        s.bind_all(args...);
        while (s.step() == Step::row) out.push_back(reader(s));
        return out;
    });
}

}  // namespace

template <class Database>
std::optional<domain::Centre> SqlPeopleStore<Database>::centre(domain::Id id) {
    return one<domain::Centre>(db_, std::string(centre_columns) + "WHERE id = ?", read_centre, id);
}

template <class Database>
std::optional<domain::Centre> SqlPeopleStore<Database>::centre_by_number(const std::string& number) {
    return one<domain::Centre>(db_, std::string(centre_columns) + "WHERE number = ?", read_centre, number);
}

template <class Database>
std::vector<domain::Centre> SqlPeopleStore<Database>::centres() {
    return all<domain::Centre>(db_, std::string(centre_columns) + "ORDER BY number", read_centre);
}

template <class Database>
void SqlPeopleStore<Database>::create_centre(domain::Centre centre, AuditEvent audit, domain::Completion<domain::Centre> done) {
    auto result = std::make_shared<domain::Centre>(std::move(centre));
    const auto now = clock_.now_ms();
    db_.write(
        [result, audit, now](auto& c) {
            auto s = c.prepare("INSERT INTO centres (number, name, created_at) VALUES (?, ?, ?) RETURNING id");
            s.bind_all(result->number, result->name, now);
            result->id = run_returning_id(s);
            append_audit(c, audit);
        },
        [result, done](std::optional<domain::Error> e) {
            if (e) return done(*e);
            done(*result);
        });
}

template <class Database>
std::optional<domain::StaffUser> SqlPeopleStore<Database>::user(domain::Id id) {
    return one<domain::StaffUser>(db_, std::string(user_columns) + "WHERE id = ?", read_user, id);
}

template <class Database>
std::optional<domain::StaffUser> SqlPeopleStore<Database>::user_by_username(const std::string& username) {
    return one<domain::StaffUser>(db_, std::string(user_columns) + "WHERE username = ?", read_user, username);
}

template <class Database>
std::vector<domain::StaffUser> SqlPeopleStore<Database>::users_of_centre(std::optional<domain::Id> centre) {
    if (!centre) return all<domain::StaffUser>(db_, std::string(user_columns) + "WHERE centre_id IS NULL ORDER BY username", read_user);
    return all<domain::StaffUser>(db_, std::string(user_columns) + "WHERE centre_id = ? ORDER BY username", read_user, *centre);
}

template <class Database>
void SqlPeopleStore<Database>::create_user(domain::StaffUser user, AuditEvent audit, domain::Completion<domain::StaffUser> done) {
    auto result = std::make_shared<domain::StaffUser>(std::move(user));
    const auto now = clock_.now_ms();
    db_.write(
        [result, audit, now](auto& c) {
            auto s = c.prepare(
                "INSERT INTO staff_users (username, display_name, role, centre_id, password_hash, active, created_at) "
                "VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id");
            s.bind_all(result->username, result->display_name, std::string(domain::to_string(result->role)),
                       result->centre_id, result->password_hash, result->active, now);
            result->id = run_returning_id(s);
            AuditEvent a = audit;
            a.subject = "user:" + std::to_string(result->id);
            append_audit(c, a);
        },
        [result, done](std::optional<domain::Error> e) {
            if (e) return done(e->status == 409 ? domain::conflict("that username is taken", "/username") : *e);
            done(*result);
        });
}

template <class Database>
std::optional<domain::Candidate> SqlPeopleStore<Database>::candidate(domain::Id id) {
    return one<domain::Candidate>(db_, std::string(candidate_columns) + "WHERE id = ?", read_candidate, id);
}

template <class Database>
std::optional<domain::Candidate> SqlPeopleStore<Database>::candidate_by_number(domain::Id centre, const std::string& number) {
    return one<domain::Candidate>(db_, std::string(candidate_columns) + "WHERE centre_id = ? AND candidate_number = ?",
                                  read_candidate, centre, number);
}

template <class Database>
std::vector<domain::Candidate> SqlPeopleStore<Database>::candidates_of_centre(domain::Id centre) {
    return all<domain::Candidate>(db_, std::string(candidate_columns) + "WHERE centre_id = ? ORDER BY candidate_number",
                                  read_candidate, centre);
}

template <class Database>
void SqlPeopleStore<Database>::create_candidates(std::vector<domain::Candidate> candidates, AuditEvent audit,
                                          domain::Completion<std::vector<domain::Candidate>> done) {
    auto result = std::make_shared<std::vector<domain::Candidate>>(std::move(candidates));
    const auto now = clock_.now_ms();
    db_.write(
        [result, audit, now](auto& c) {
            // One job, one savepoint: a duplicate number undoes the whole batch.
            for (auto& cand : *result) {
                auto s = c.prepare(
                    "INSERT INTO candidates (centre_id, candidate_number, given_name, family_name, date_of_birth, uln, "
                    "extra_time_percent, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id");
                s.bind_all(cand.centre_id, cand.candidate_number, cand.given_name, cand.family_name, cand.date_of_birth,
                           cand.uln, cand.extra_time_percent, now);
                cand.id = run_returning_id(s);
            }
            append_audit(c, audit);
        },
        [result, done](std::optional<domain::Error> e) {
            if (e) {
                return done(e->status == 409 ? domain::conflict("a candidate number is already used in this centre",
                                                                "/candidates")
                                             : *e);
            }
            done(*result);
        });
}

template <class Database>
std::vector<std::string> SqlPeopleStore<Database>::registrations(domain::Id candidate) {
    return all<std::string>(
        db_, "SELECT qualification_id FROM registrations WHERE candidate_id = ? ORDER BY qualification_id",
        [](auto& s) { return s.column_text(0); }, candidate);
}

template <class Database>
void SqlPeopleStore<Database>::register_candidate(domain::Id candidate, std::string qualification, AuditEvent audit,
                                           domain::Completion<domain::Done> done) {
    const auto now = clock_.now_ms();
    db_.write(
        [candidate, qualification, audit, now](auto& c) {
            auto s = c.prepare("INSERT INTO registrations (candidate_id, qualification_id, registered_at) VALUES (?, ?, ?)");
            s.bind_all(candidate, qualification, now);
            s.run();
            append_audit(c, audit);
        },
        on_commit(done));
}

template <class Database>
void SqlPeopleStore<Database>::update_candidate(domain::Candidate cand, AuditEvent audit, domain::Completion<domain::Done> done) {
    db_.write(
        [cand = std::move(cand), audit](auto& c) {
            auto s = c.prepare(
                "UPDATE candidates SET given_name = ?, family_name = ?, date_of_birth = ?, uln = ?, extra_time_percent = ? "
                "WHERE id = ?");
            s.bind_all(cand.given_name, cand.family_name, cand.date_of_birth, cand.uln, cand.extra_time_percent, cand.id);
            s.run();
            append_audit(c, audit);
        },
        on_commit(done));
}

template class SqlPeopleStore<sqlite::Database>;
template class SqlPeopleStore<postgresql::PgDatabase>;

}  // namespace exam::storage::sql
