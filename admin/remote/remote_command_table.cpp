// Every remote command of exam-admin: one row per endpoint of docs/openapi.json
// that staff call. Rows for endpoints still to come (admit, extra time, void,
// incidents, claims, certificates) are added here the same way.
#include "remote_command.hpp"

namespace exam_admin {

namespace {
using K = ParamKind;
}

const std::vector<RemoteCommand>& remote_commands() {
    static const std::vector<RemoteCommand> table = {
        {"me", "", "GET", "/api/v1/me", {}, View::record, nullptr, {}, "who the session is logged in as"},

        {"centres", "list", "GET", "/api/v1/centres", {}, View::table, "centres", {"id", "number", "name"},
         "centres you may see"},
        {"centres", "create", "POST", "/api/v1/centres",
         {{"number", K::text, true, "number", "centre number"}, {"name", K::text, true, "name", "centre name"}},
         View::record, nullptr, {}, "create a centre (AO admins)"},

        {"staff", "create", "POST", "/api/v1/staff",
         {{"username", K::text, true, "username", "log-in name"},
          {"display-name", K::text, true, "display_name", "name shown"},
          {"role", K::text, true, "role", "ao_admin, centre_admin or invigilator"},
          {"centre", K::integer, false, "centre", "centre id (not for ao_admin)"},
          {"password-file", K::secret_file, true, "password", "file whose first line is the password"}},
         View::record, nullptr, {}, "create a staff user"},

        {"candidates", "list", "GET", "/api/v1/centres/{centre}/candidates",
         {{"CENTRE", K::path, true, "centre", "centre id"}}, View::table, "candidates",
         {"id", "candidate_number", "family_name", "given_name", "date_of_birth", "uln", "extra_time_percent"},
         "a centre's candidates"},
        {"candidates", "add", "POST", "/api/v1/centres/{centre}/candidates",
         {{"CENTRE", K::path, true, "centre", "centre id"},
          {"number", K::text, true, "candidate_number", "candidate number"},
          {"given-name", K::text, true, "given_name", "given name"},
          {"family-name", K::text, true, "family_name", "family name"},
          {"date-of-birth", K::text, true, "date_of_birth", "YYYY-MM-DD"},
          {"uln", K::text, true, "uln", "Unique Learner Number"},
          {"extra-time", K::integer, false, "extra_time_percent", "extra time, percent"}},
         View::table, "candidates", {"id", "candidate_number", "family_name", "given_name", "uln"},
         "register one candidate", "candidates"},
        {"candidates", "import", "POST", "/api/v1/centres/{centre}/candidates",
         {{"CENTRE", K::path, true, "centre", "centre id"}, {"FILE.csv", K::csv_file, true, "", "CSV with a header line"}},
         View::table, "candidates", {"id", "candidate_number", "family_name", "given_name", "uln"},
         "register candidates from a CSV file, all or nothing"},
        {"candidates", "show", "GET", "/api/v1/candidates/{candidate}",
         {{"CANDIDATE", K::path, true, "candidate", "candidate id"}}, View::record, nullptr, {}, "one candidate"},

        {"registrations", "add", "POST", "/api/v1/candidates/{candidate}/registrations",
         {{"CANDIDATE", K::path, true, "candidate", "candidate id"},
          {"qualification", K::text, true, "qualification", "qualification number, e.g. 501/0443/3"}},
         View::record, nullptr, {}, "register a candidate on a qualification"},

        {"sessions", "list", "GET", "/api/v1/centres/{centre}/sessions",
         {{"CENTRE", K::path, true, "centre", "centre id"}}, View::table, "sessions",
         {"id", "unit", "starts_at", "ends_at", "room", "status"}, "a centre's sessions"},
        {"sessions", "create", "POST", "/api/v1/centres/{centre}/sessions",
         {{"CENTRE", K::path, true, "centre", "centre id"},
          {"unit", K::text, true, "unit", "unit code"},
          {"starts-at", K::text, true, "starts_at", "UTC time, e.g. 2026-11-25T09:00:00Z"},
          {"ends-at", K::text, true, "ends_at", "UTC time"},
          {"room", K::text, true, "room", "room"},
          {"invigilators", K::integer_list, false, "invigilators", "staff ids, e.g. 3,4"}},
         View::record, nullptr, {}, "book a test session"},
        {"sessions", "show", "GET", "/api/v1/sessions/{session}",
         {{"SESSION", K::path, true, "session", "session id"}}, View::record, nullptr, {},
         "a session with its bookings and keycodes"},
        {"sessions", "open", "POST", "/api/v1/sessions/{session}/open",
         {{"SESSION", K::path, true, "session", "session id"}}, View::record, nullptr, {}, "open a session"},
        {"sessions", "close", "POST", "/api/v1/sessions/{session}/close",
         {{"SESSION", K::path, true, "session", "session id"}}, View::record, nullptr, {}, "close a session"},

        {"bookings", "add", "POST", "/api/v1/sessions/{session}/bookings",
         {{"SESSION", K::path, true, "session", "session id"},
          {"candidates", K::integer_list, true, "candidates", "candidate ids, e.g. 5,6,7"}},
         View::table, "bookings", {"id", "candidate", "keycode"}, "book candidates on a session"},

        {"attempts", "show", "GET", "/api/v1/attempts/{attempt}",
         {{"ATTEMPT", K::path, true, "attempt", "attempt id"}}, View::record, nullptr, {}, "an attempt as staff see it"},
        {"attempts", "pause", "POST", "/api/v1/attempts/{attempt}/pause",
         {{"ATTEMPT", K::path, true, "attempt", "attempt id"}, {"reason", K::text, false, "reason", "why"}},
         View::record, nullptr, {}, "pause a candidate (the clock stops)"},
        {"attempts", "resume", "POST", "/api/v1/attempts/{attempt}/resume",
         {{"ATTEMPT", K::path, true, "attempt", "attempt id"}}, View::record, nullptr, {}, "resume a paused candidate"},
        {"attempts", "release", "POST", "/api/v1/attempts/{attempt}/release",
         {{"ATTEMPT", K::path, true, "attempt", "attempt id"}}, View::record, nullptr, {},
         "release a held result to its candidate (AO admins)"},

        {"ledger", "achievements", "GET", "/api/v1/candidates/{candidate}/achievements",
         {{"CANDIDATE", K::path, true, "candidate", "candidate id"}}, View::table, "achievements",
         {"id", "unit", "achieved_on", "route", "status", "evidence"}, "a candidate's credit ledger"},
        {"ledger", "record", "POST", "/api/v1/candidates/{candidate}/achievements",
         {{"CANDIDATE", K::path, true, "candidate", "candidate id"},
          {"unit", K::text, true, "unit", "unit code"},
          {"route", K::text, true, "route", "internal_assessment, recognition_of_prior_learning or credit_transfer"},
          {"evidence", K::text, true, "evidence", "reference to the evidence"},
          {"achieved-on", K::text, true, "achieved_on", "YYYY-MM-DD"}},
         View::record, nullptr, {}, "record a unit achieved by another route"},
        {"ledger", "void", "POST", "/api/v1/achievements/{achievement}/void",
         {{"ACHIEVEMENT", K::path, true, "achievement", "achievement id"}, {"reason", K::text, true, "reason", "why"}},
         View::record, nullptr, {}, "void an achievement with a reason"},
        {"progress", "", "GET", "/api/v1/candidates/{candidate}/progress",
         {{"CANDIDATE", K::path, true, "candidate", "candidate id"}}, View::table, "registrations",
         {"qualification", "achieved", "credits", "missing"}, "progress toward each registered qualification"},

        {"results", "export", "GET", "/api/v1/centres/{centre}/results",
         {{"CENTRE", K::path, true, "centre", "centre id"},
          {"format", K::query, false, "format", "csv (default) or json", "csv"},
          {"from", K::query, false, "from", "UTC date or time"},
          {"to", K::query, false, "to", "UTC date (whole day) or time"},
          {"unit", K::query, false, "unit", "unit code"},
          {"session", K::query, false, "session", "session id"},
          {"candidate", K::query, false, "candidate", "candidate number"},
          {"qualification", K::query, false, "qualification", "qualification number"}},
         View::raw, nullptr, {}, "a centre's results, to standard output or --out FILE"},

        {"audit", "verify", "GET", "/api/v1/audit/verify", {}, View::record, nullptr, {},
         "check the audit log's chain and anchor (AO admins); exit 1 if broken", nullptr, "ok"},
        {"audit", "list", "GET", "/api/v1/audit",
         {{"centre", K::query, false, "centre", "centre id"},
          {"from", K::query, false, "from", "UTC date or time"},
          {"to", K::query, false, "to", "UTC date (whole day) or time"},
          {"after", K::query, false, "after", "entries after this id"},
          {"limit", K::query, false, "limit", "entries per page (1-1000)"}},
         View::table, "entries", {"id", "at", "actor", "action", "subject", "details"}, "audit log entries"},
    };
    return table;
}

}  // namespace exam_admin
