#include "storage/sql/sql_attempt_store.hpp"

#include "storage/postgresql/pg_database.hpp"
#include "storage/sqlite/database.hpp"
#include "storage/sql/inserted_id.hpp"

#include <boost/json.hpp>

#include "security/sha256.hpp"
#include "storage/sql/result_json.hpp"

namespace exam::storage::sql {
namespace json = boost::json;
namespace {

constexpr const char* attempt_columns =
    "SELECT id, booking_id, session_id, candidate_id, unit_code, form_id, form_seed, form, state, allowed_ms, used_ms, "
    "last_contact_ms, running, submitted_by, submitted_at, result, added_ms, void_reason, revision FROM attempts ";

std::string form_to_json(const std::vector<domain::FormEntry>& form) {
    json::array a;
    for (const auto& e : form) {
        json::array options;
        for (const auto& o : e.option_order) options.push_back(json::value(o));
        a.push_back(json::object{{"item", e.item_id}, {"version", e.version}, {"options", std::move(options)}});
    }
    return json::serialize(a);
}

std::vector<domain::FormEntry> form_from_json(const std::string& text) {
    std::vector<domain::FormEntry> out;
    const json::value parsed = json::parse(text);
    for (const auto& v : parsed.as_array()) {
        const auto& o = v.as_object();
        domain::FormEntry e;
        e.item_id = std::string(o.at("item").as_string());
        e.version = static_cast<int>(o.at("version").as_int64());
        for (const auto& opt : o.at("options").as_array()) e.option_order.emplace_back(opt.as_string());
        out.push_back(std::move(e));
    }
    return out;
}

std::string selected_to_json(const std::vector<std::string>& selected) {
    json::array a;
    for (const auto& s : selected) a.push_back(json::value(s));
    return json::serialize(a);
}

// Another node (or a write this node's copy has not seen) moved the row on.
domain::Error attempt_changed(domain::Id id) {
    return domain::Error{409, "attempt_changed",
                         "attempt " + std::to_string(id) + " changed on another server; send the request again", {}};
}

std::optional<domain::SubmittedBy> parse_submitted_by(const std::optional<std::string>& s) {
    if (!s) return std::nullopt;
    if (*s == "candidate") return domain::SubmittedBy::candidate;
    if (*s == "time_out") return domain::SubmittedBy::time_out;
    return domain::SubmittedBy::invigilator;
}

domain::Attempt read_attempt(auto& s) {
    domain::Attempt a;
    a.id = s.column_int64(0);
    a.booking_id = s.column_int64(1);
    a.session_id = s.column_int64(2);
    a.candidate_id = s.column_int64(3);
    a.unit_code = s.column_text(4);
    a.form_id = s.column_text(5);
    a.form_seed = std::stoull(s.column_text(6));
    a.form = form_from_json(s.column_text(7));
    a.state = domain::parse_attempt_state(s.column_text(8)).value_or(domain::AttemptState::void_);
    a.time = {s.column_int64(9), s.column_int64(10), s.column_int64(11), s.column_int64(12) != 0};
    a.submitted_by = parse_submitted_by(s.template column<std::optional<std::string>>(13));
    a.submitted_at = s.template column<std::optional<std::int64_t>>(14).value_or(0);
    if (auto r = s.template column<std::optional<std::string>>(15)) a.result = result_from_json(*r);
    a.added_ms = s.column_int64(16);
    a.void_reason = s.template column<std::optional<std::string>>(17).value_or("");
    a.revision = s.column_int64(18);
    a.responses.assign(a.form.size(), {});
    return a;
}

void load_responses(auto& c, domain::Attempt& a) {
    auto r = c.prepare("SELECT position, selected, flagged, sequence FROM responses WHERE attempt_id = ?");
    r.bind_all(a.id);
    while (r.step() == Step::row) {
        const auto pos = static_cast<std::size_t>(r.column_int64(0));
        if (pos >= a.responses.size()) continue;
        auto& resp = a.responses[pos];
        const json::value selected = json::parse(r.column_text(1));
        for (const auto& v : selected.as_array()) resp.selected.emplace_back(v.as_string());
        resp.flagged = r.column_int64(2) != 0;
        resp.sequence = r.column_int64(3);
    }
    auto irr = c.prepare("SELECT kind, count FROM attempt_irregularities WHERE attempt_id = ?");
    irr.bind_all(a.id);
    while (irr.step() == Step::row) a.irregularities[irr.column_text(0)] = irr.column_int64(1);
}

// A released pass is credit: recorded in the same transaction, once. The
// attempt id is unique in the ledger and a candidate has at most one active
// achievement of a unit, so repeating this (a retried write, a release after
// a restart) records nothing more.
void record_achievement_if_passed(auto& c, const domain::Attempt& a) {
    if (a.state != domain::AttemptState::marked || !a.result || !a.result->passed || !a.result->released) return;
    auto s = c.prepare(
        "INSERT INTO unit_achievements (candidate_id, unit_code, achieved_on, route, attempt_id, evidence, status, "
        "recorded_by, created_at) VALUES (?, ?, ?, 'onscreen_test', ?, ?, 'active', 'system', ?) ON CONFLICT DO NOTHING");
    s.bind_all(a.candidate_id, a.unit_code, domain::format_utc(a.submitted_at).substr(0, 10), a.id,
               "attempt:" + std::to_string(a.id), a.submitted_at);
    s.run();
    if (c.changes() == 0) return;
    append_audit(c, {a.submitted_at, "system", "achievement.record", "candidate:" + std::to_string(a.candidate_id),
                     R"({"unit":")" + a.unit_code + R"(","route":"onscreen_test","attempt":)" + std::to_string(a.id) + "}"});
}

// A void attempt earns nothing: credit it already earned is voided with it.
void void_achievement_of(auto& c, const domain::Attempt& a, domain::Millis at) {
    if (a.state != domain::AttemptState::void_) return;
    auto s = c.prepare(
        "UPDATE unit_achievements SET status = 'voided', void_reason = ? WHERE attempt_id = ? AND status = 'active'");
    s.bind_all("attempt voided: " + a.void_reason, a.id);
    s.run();
    if (c.changes() == 0) return;
    append_audit(c, {at, "system", "achievement.void", "candidate:" + std::to_string(a.candidate_id),
                     R"({"unit":")" + a.unit_code + R"(","attempt":)" + std::to_string(a.id) + "}"});
}

void write_progress(auto& c, const domain::Attempt& a, domain::Millis at) {
    auto s = c.prepare(
        "UPDATE attempts SET state = ?, allowed_ms = ?, used_ms = ?, last_contact_ms = ?, running = ?, "
        "submitted_by = ?, submitted_at = ?, result = ?, added_ms = ?, void_reason = ?, revision = revision + 1 "
        "WHERE id = ? AND revision = ?");
    s.bind_all(std::string(domain::to_string(a.state)), a.time.allowed_ms, a.time.used_ms, a.time.last_contact_ms,
               a.time.running,
               a.submitted_by ? std::optional<std::string>(std::string(domain::to_string(*a.submitted_by))) : std::nullopt,
               a.submitted_at ? std::optional<std::int64_t>(a.submitted_at) : std::nullopt,
               a.result ? std::optional<std::string>(result_to_json(*a.result)) : std::nullopt, a.added_ms,
               a.void_reason.empty() ? std::nullopt : std::optional<std::string>(a.void_reason), a.id, a.revision);
    s.run();
    if (c.changes() == 0) throw attempt_changed(a.id);
    record_achievement_if_passed(c, a);
    void_achievement_of(c, a, at);
}

}  // namespace

template <class Database>
std::vector<domain::Attempt> SqlAttemptStore<Database>::query(const std::string& where, std::int64_t arg) {
    return db_.read([&](auto& c) {
        std::vector<domain::Attempt> out;
        auto s = c.prepare(std::string(attempt_columns) + where);
        if (!where.empty() && where.find('?') != std::string::npos) s.bind_all(arg);
        while (s.step() == Step::row) out.push_back(read_attempt(s));
        for (auto& a : out) load_responses(c, a);
        return out;
    });
}

template <class Database>
std::optional<domain::Attempt> SqlAttemptStore<Database>::attempt(domain::Id id) {
    auto list = query("WHERE id = ?", id);
    if (list.empty()) return std::nullopt;
    return list.front();
}

template <class Database>
std::optional<domain::Attempt> SqlAttemptStore<Database>::attempt_for_booking(domain::Id booking) {
    auto list = query("WHERE booking_id = ?", booking);
    if (list.empty()) return std::nullopt;
    return list.front();
}

template <class Database>
std::vector<domain::Attempt> SqlAttemptStore<Database>::finished_attempts_of_session(domain::Id session) {
    return query("WHERE session_id = ? AND state IN ('submitted', 'marked', 'void') ORDER BY id", session);
}

template <class Database>
std::vector<domain::Attempt> SqlAttemptStore<Database>::unfinished_attempts() {
    return query("WHERE state IN ('booked', 'admitted', 'in_progress', 'paused') ORDER BY id", 0);
}

template <class Database>
std::set<std::string> SqlAttemptStore<Database>::items_seen(domain::Id candidate, const std::string& unit_code) {
    std::set<std::string> out;
    for (const auto& a : query("WHERE candidate_id = ? ORDER BY id", candidate)) {
        if (a.unit_code != unit_code || a.state == domain::AttemptState::void_) continue;
        for (const auto& e : a.form) out.insert(e.item_id);
    }
    return out;
}

template <class Database>
void SqlAttemptStore<Database>::create_attempt(domain::Attempt attempt, AuditEvent audit,
                                        domain::Completion<domain::Attempt> done) {
    auto result = std::make_shared<domain::Attempt>(std::move(attempt));
    // Freeze each item version delivered: its canonical text and digest.
    std::vector<std::tuple<std::string, int, std::string>> versions;
    for (const auto& e : result->form) {
        if (const auto* item = bank_->item(e.item_id)) versions.emplace_back(item->id, item->version, canonical_item_text(*item));
    }
    const auto now = clock_.now_ms();
    db_.write(
        [db = &db_, result, versions, audit, now](auto& c) {
            for (const auto& [id, version, text] : versions) {
                const std::string digest = security::sha256_hex(text);
                auto ins = c.prepare(
                    "INSERT INTO item_versions (item_id, version, content_hash, content, first_used_at) VALUES (?, ?, ?, ?, ?) "
                    "ON CONFLICT (item_id, version) DO NOTHING");
                ins.bind_all(id, version, digest, text, now);
                ins.run();
                auto check = c.prepare("SELECT content_hash FROM item_versions WHERE item_id = ? AND version = ?");
                check.bind_all(id, version);
                if (check.step() == Step::row && check.column_text(0) != digest) {
                    throw domain::Error{409, "item_version_changed",
                                        "item " + id + " version " + std::to_string(version) +
                                            " has changed since it was first used; it needs a new version number",
                                        {}};
                }
            }
            auto s = c.prepare(
                "INSERT INTO attempts (booking_id, session_id, candidate_id, unit_code, form_id, form_seed, form, state, "
                "allowed_ms, used_ms, last_contact_ms, running, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id");
            const auto& a = *result;
            s.bind_all(a.booking_id, a.session_id, a.candidate_id, a.unit_code, a.form_id, std::to_string(a.form_seed),
                       form_to_json(a.form), std::string(domain::to_string(a.state)), a.time.allowed_ms, a.time.used_ms,
                       a.time.last_contact_ms, a.time.running, now);
            result->id = run_returning_id(s);
            db->announce(c, {"attempt", std::to_string(result->id)});
            AuditEvent e = audit;
            e.subject = "attempt:" + std::to_string(result->id);
            e.details = R"({"booking":)" + std::to_string(a.booking_id) + R"(,"form":")" + a.form_id + "\"}";
            append_audit(c, e);
        },
        [result, done](std::optional<domain::Error> e) {
            if (e) return done(*e);
            done(*result);
        });
}

template <class Database>
void SqlAttemptStore<Database>::save_response(domain::Id attempt, std::size_t index, domain::ResponseState r,
                                       domain::AttemptTime time, std::int64_t revision,
                                       domain::Completion<domain::Done> done) {
    db_.write(
        [db = &db_, attempt, index, r = std::move(r), time, revision](auto& c) {
            // The WHERE keeps an older sequence from overwriting a newer one even
            // if two saves ever reached the writer out of order.
            auto s = c.prepare(
                "INSERT INTO responses (attempt_id, position, selected, flagged, sequence) VALUES (?, ?, ?, ?, ?) "
                "ON CONFLICT (attempt_id, position) DO UPDATE SET selected = excluded.selected, "
                "flagged = excluded.flagged, sequence = excluded.sequence WHERE excluded.sequence > responses.sequence");
            s.bind_all(attempt, index, selected_to_json(r.selected), r.flagged, r.sequence);
            s.run();
            auto t = c.prepare(
                "UPDATE attempts SET used_ms = CASE WHEN running = 1 THEN ?1 ELSE used_ms END, "
                "last_contact_ms = CASE WHEN running = 1 THEN ?2 ELSE last_contact_ms END, revision = revision + 1 "
                "WHERE id = ?3 AND revision = ?4");
            t.bind_all(time.used_ms, time.last_contact_ms, attempt, revision);
            t.run();
            if (c.changes() == 0) throw attempt_changed(attempt);
            db->announce(c, {"attempt", std::to_string(attempt)});
        },
        on_commit(done));
}

template <class Database>
void SqlAttemptStore<Database>::after_pending_writes(domain::Completion<domain::Done> done) {
    db_.fence(on_commit(done));
}

template <class Database>
void SqlAttemptStore<Database>::save_progress(const domain::Attempt& attempt, AuditEvent audit,
                                       domain::Completion<domain::Done> done) {
    auto copy = std::make_shared<domain::Attempt>(attempt);
    db_.write(
        [db = &db_, copy, audit](auto& c) {
            write_progress(c, *copy, audit.at);
            db->announce(c, {"attempt", std::to_string(copy->id)});
            append_audit(c, audit);
        },
        on_commit(done));
}

template <class Database>
void SqlAttemptStore<Database>::record_irregularity(domain::Id attempt, std::string kind, domain::Millis at,
                                             domain::Completion<domain::Done> done) {
    db_.write(
        [db = &db_, attempt, kind = std::move(kind), at](auto& c) {
            auto s = c.prepare(
                "INSERT INTO attempt_irregularities (attempt_id, kind, count, last_at) VALUES (?, ?, 1, ?) "
                "ON CONFLICT (attempt_id, kind) DO UPDATE SET count = attempt_irregularities.count + 1, "
                "last_at = excluded.last_at");
            s.bind_all(attempt, kind, at);
            s.run();
            db->announce(c, {"attempt", std::to_string(attempt)});
        },
        on_commit(done));
}

template <class Database>
std::vector<std::string> SqlAttemptStore<Database>::changed_item_versions() {
    return db_.read([&](auto& c) {
        std::vector<std::string> out;
        auto s = c.prepare("SELECT item_id, version, content_hash FROM item_versions");
        while (s.step() == Step::row) {
            const auto* item = bank_->item(s.column_text(0));
            if (item == nullptr || item->version != s.column_int64(1)) continue;  // a newer version replaced it: fine
            if (security::sha256_hex(canonical_item_text(*item)) != s.column_text(2)) {
                out.push_back(item->id + " version " + std::to_string(item->version));
            }
        }
        return out;
    });
}

template class SqlAttemptStore<sqlite::Database>;
template class SqlAttemptStore<postgresql::PgDatabase>;

}  // namespace exam::storage::sql
