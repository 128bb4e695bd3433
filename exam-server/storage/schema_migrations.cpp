#include "storage/schema_migrations.hpp"

#include <string>

namespace exam::storage {

namespace {

// Migration 3 changes attempts' CHECK constraint and adds two columns:
// SQLite can only rebuild the table for that; PostgreSQL alters it in place
// (a rebuild there would have to drop the foreign keys pointing at attempts).
constexpr const char* invigilation_attempts_sqlite = R"SQL(
-- Attempts gain the state before admission ('booked': logged in, waiting for
-- the invigilator), the minutes invigilators added and a void reason. A
-- CHECK constraint changes only by rebuilding the table.
CREATE TABLE attempts_rebuilt (
    id               INTEGER PRIMARY KEY,
    booking_id       BIGINT NOT NULL UNIQUE REFERENCES bookings(id),
    session_id       BIGINT NOT NULL REFERENCES test_sessions(id),
    candidate_id     BIGINT NOT NULL REFERENCES candidates(id),
    unit_code        TEXT NOT NULL,
    form_id          TEXT NOT NULL,
    form_seed        TEXT NOT NULL,
    form             TEXT NOT NULL,
    state            TEXT NOT NULL CHECK (state IN ('booked', 'admitted', 'in_progress', 'paused', 'submitted',
                                                    'marked', 'void')),
    allowed_ms       BIGINT NOT NULL,
    used_ms          BIGINT NOT NULL,
    last_contact_ms  BIGINT NOT NULL,
    running          INTEGER NOT NULL,
    submitted_by     TEXT,
    submitted_at     BIGINT,
    result           TEXT,
    created_at       BIGINT NOT NULL,
    added_ms         BIGINT NOT NULL DEFAULT 0,
    void_reason      TEXT
);
INSERT INTO attempts_rebuilt (id, booking_id, session_id, candidate_id, unit_code, form_id, form_seed, form, state,
                              allowed_ms, used_ms, last_contact_ms, running, submitted_by, submitted_at, result,
                              created_at)
    SELECT id, booking_id, session_id, candidate_id, unit_code, form_id, form_seed, form, state, allowed_ms, used_ms,
           last_contact_ms, running, submitted_by, submitted_at, result, created_at FROM attempts;
DROP TABLE attempts;
ALTER TABLE attempts_rebuilt RENAME TO attempts;
CREATE INDEX attempts_by_session ON attempts (session_id);
CREATE INDEX attempts_by_candidate ON attempts (candidate_id, unit_code);
CREATE INDEX attempts_unfinished ON attempts (state);)SQL";

constexpr const char* invigilation_attempts_postgresql = R"SQL(
ALTER TABLE attempts DROP CONSTRAINT attempts_state_check;
ALTER TABLE attempts ADD CONSTRAINT attempts_state_check
    CHECK (state IN ('booked', 'admitted', 'in_progress', 'paused', 'submitted', 'marked', 'void'));
ALTER TABLE attempts ADD COLUMN added_ms BIGINT NOT NULL DEFAULT 0;
ALTER TABLE attempts ADD COLUMN void_reason TEXT;
)SQL";

constexpr const char* invigilation_rest = R"SQL(

-- Admission (check-in) belongs to the booking: a candidate can be admitted
-- at the door before logging in.
ALTER TABLE bookings ADD COLUMN admitted_at BIGINT;
ALTER TABLE bookings ADD COLUMN admitted_by TEXT;

CREATE TABLE incidents (
    id            INTEGER PRIMARY KEY,
    session_id    BIGINT NOT NULL REFERENCES test_sessions(id),
    candidate_id  BIGINT REFERENCES candidates(id),
    kind          TEXT NOT NULL,
    description   TEXT NOT NULL,
    recorded_by   TEXT NOT NULL,
    at            BIGINT NOT NULL
);
CREATE INDEX incidents_by_session ON incidents (session_id, id);

-- What the candidate's client reports (the test window lost focus, ...), counted.
CREATE TABLE attempt_irregularities (
    attempt_id  BIGINT NOT NULL REFERENCES attempts(id),
    kind        TEXT NOT NULL,
    count       BIGINT NOT NULL,
    last_at     BIGINT NOT NULL,
    PRIMARY KEY (attempt_id, kind)
);
)SQL";

}  // namespace

const std::vector<Migration>& schema_migrations() {
    static const std::vector<Migration> migrations = {
        {1, "people, sessions, attempts, tokens, audit", R"SQL(
CREATE TABLE centres (
    id          INTEGER PRIMARY KEY,
    number      TEXT NOT NULL UNIQUE,
    name        TEXT NOT NULL,
    created_at  BIGINT NOT NULL
);

CREATE TABLE staff_users (
    id             INTEGER PRIMARY KEY,
    username       TEXT NOT NULL UNIQUE,
    display_name   TEXT NOT NULL,
    role           TEXT NOT NULL CHECK (role IN ('ao_admin', 'centre_admin', 'invigilator')),
    centre_id      BIGINT REFERENCES centres(id),
    password_hash  TEXT NOT NULL,
    active         INTEGER NOT NULL DEFAULT 1,
    created_at     BIGINT NOT NULL,
    CHECK ((role = 'ao_admin') = (centre_id IS NULL))
);

CREATE TABLE candidates (
    id                  INTEGER PRIMARY KEY,
    centre_id           BIGINT NOT NULL REFERENCES centres(id),
    candidate_number    TEXT NOT NULL,
    given_name          TEXT NOT NULL,
    family_name         TEXT NOT NULL,
    date_of_birth       TEXT NOT NULL,
    uln                 TEXT NOT NULL,
    extra_time_percent  INTEGER NOT NULL DEFAULT 0,
    created_at          BIGINT NOT NULL,
    UNIQUE (centre_id, candidate_number)
);

CREATE TABLE registrations (
    candidate_id      BIGINT NOT NULL REFERENCES candidates(id),
    qualification_id  TEXT NOT NULL,
    registered_at     BIGINT NOT NULL,
    PRIMARY KEY (candidate_id, qualification_id)
);

CREATE TABLE test_sessions (
    id          INTEGER PRIMARY KEY,
    centre_id   BIGINT NOT NULL REFERENCES centres(id),
    unit_code   TEXT NOT NULL,
    starts_at   BIGINT NOT NULL,
    ends_at     BIGINT NOT NULL,
    room        TEXT NOT NULL,
    status      TEXT NOT NULL CHECK (status IN ('scheduled', 'open', 'closed')),
    created_at  BIGINT NOT NULL,
    CHECK (ends_at > starts_at)
);
CREATE INDEX test_sessions_by_centre ON test_sessions (centre_id, starts_at);

CREATE TABLE session_invigilators (
    session_id  BIGINT NOT NULL REFERENCES test_sessions(id),
    user_id     BIGINT NOT NULL REFERENCES staff_users(id),
    PRIMARY KEY (session_id, user_id)
);

CREATE TABLE bookings (
    id            INTEGER PRIMARY KEY,
    session_id    BIGINT NOT NULL REFERENCES test_sessions(id),
    candidate_id  BIGINT NOT NULL REFERENCES candidates(id),
    keycode       TEXT NOT NULL,
    created_at    BIGINT NOT NULL,
    UNIQUE (session_id, candidate_id)
);
CREATE INDEX bookings_by_candidate ON bookings (candidate_id);

-- Every item version given to a candidate, frozen: a version used in a
-- sitting never changes, and results can be reproduced from these rows.
CREATE TABLE item_versions (
    item_id       TEXT NOT NULL,
    version       INTEGER NOT NULL,
    content_hash  TEXT NOT NULL,
    content       TEXT NOT NULL,
    first_used_at BIGINT NOT NULL,
    PRIMARY KEY (item_id, version)
);

CREATE TABLE attempts (
    id               INTEGER PRIMARY KEY,
    booking_id       BIGINT NOT NULL UNIQUE REFERENCES bookings(id),
    session_id       BIGINT NOT NULL REFERENCES test_sessions(id),
    candidate_id     BIGINT NOT NULL REFERENCES candidates(id),
    unit_code        TEXT NOT NULL,
    form_id          TEXT NOT NULL,
    form_seed        TEXT NOT NULL,
    form             TEXT NOT NULL,
    state            TEXT NOT NULL CHECK (state IN ('admitted', 'in_progress', 'paused', 'submitted', 'marked', 'void')),
    allowed_ms       BIGINT NOT NULL,
    used_ms          BIGINT NOT NULL,
    last_contact_ms  BIGINT NOT NULL,
    running          INTEGER NOT NULL,
    submitted_by     TEXT,
    submitted_at     BIGINT,
    result           TEXT,
    created_at       BIGINT NOT NULL
);
CREATE INDEX attempts_by_session ON attempts (session_id);
CREATE INDEX attempts_by_candidate ON attempts (candidate_id, unit_code);
CREATE INDEX attempts_unfinished ON attempts (state);

CREATE TABLE responses (
    attempt_id  BIGINT NOT NULL REFERENCES attempts(id),
    position    INTEGER NOT NULL,
    selected    TEXT NOT NULL,
    flagged     INTEGER NOT NULL,
    sequence    BIGINT NOT NULL,
    PRIMARY KEY (attempt_id, position)
);

CREATE TABLE tokens (
    token_hash  TEXT PRIMARY KEY,
    user_id     BIGINT REFERENCES staff_users(id),
    attempt_id  BIGINT REFERENCES attempts(id),
    created_at  BIGINT NOT NULL,
    expires_at  BIGINT NOT NULL,
    revoked     INTEGER NOT NULL DEFAULT 0,
    CHECK ((user_id IS NULL) <> (attempt_id IS NULL))
);

-- Append-only and chained: each row's hash covers its content and the
-- previous row's hash, so an edited or deleted row breaks the chain.
CREATE TABLE audit_log (
    id         INTEGER PRIMARY KEY,
    at         BIGINT NOT NULL,
    actor      TEXT NOT NULL,
    action     TEXT NOT NULL,
    subject    TEXT NOT NULL,
    details    TEXT NOT NULL,
    prev_hash  TEXT NOT NULL,
    hash       TEXT NOT NULL
);
)SQL"},
        {2, "credit ledger", R"SQL(
-- Unit achievements: credit earned once per candidate and unit, counted
-- toward every qualification that contains the unit. Rows are never deleted:
-- they are voided or superseded with a reason.
CREATE TABLE unit_achievements (
    id            INTEGER PRIMARY KEY,
    candidate_id  BIGINT NOT NULL REFERENCES candidates(id),
    unit_code     TEXT NOT NULL,
    achieved_on   TEXT NOT NULL,
    route         TEXT NOT NULL CHECK (route IN ('onscreen_test', 'internal_assessment',
                                                 'recognition_of_prior_learning', 'credit_transfer')),
    attempt_id    BIGINT UNIQUE REFERENCES attempts(id),
    evidence      TEXT NOT NULL,
    status        TEXT NOT NULL CHECK (status IN ('active', 'voided')),
    void_reason   TEXT,
    recorded_by   TEXT NOT NULL,
    created_at    BIGINT NOT NULL
);
CREATE UNIQUE INDEX unit_achievements_one_active ON unit_achievements (candidate_id, unit_code) WHERE status = 'active';
CREATE INDEX unit_achievements_by_candidate ON unit_achievements (candidate_id);
)SQL"},
        {3, "invigilation", std::string(invigilation_attempts_sqlite) + invigilation_rest, true,
         std::string(invigilation_attempts_postgresql) + invigilation_rest},
        {4, "certificates", R"SQL(
-- The certificate register. Each row keeps the signed document byte for byte
-- as issued. Rows are never deleted: a replaced certificate stays, marked
-- replaced, naming its replacement and why.
CREATE TABLE certificates (
    id                INTEGER PRIMARY KEY,
    number            TEXT NOT NULL UNIQUE,
    year              INTEGER NOT NULL,
    sequence          BIGINT NOT NULL,
    candidate_id      BIGINT NOT NULL REFERENCES candidates(id),
    centre_id         BIGINT NOT NULL REFERENCES centres(id),
    qualification_id  TEXT NOT NULL,
    kind              TEXT NOT NULL CHECK (kind IN ('full', 'unit')),
    status            TEXT NOT NULL CHECK (status IN ('current', 'replaced')),
    replaces          TEXT REFERENCES certificates(number),
    replaced_by       TEXT,
    replace_reason    TEXT,
    document          TEXT NOT NULL,
    issued_by         TEXT NOT NULL,
    issued_at         BIGINT NOT NULL,
    UNIQUE (year, sequence)
);
-- One current full certificate per registration: a second is a replacement.
CREATE UNIQUE INDEX certificates_one_current_full ON certificates (candidate_id, qualification_id)
    WHERE kind = 'full' AND status = 'current';
CREATE INDEX certificates_by_candidate ON certificates (candidate_id);
)SQL"},
        {5, "player_state", R"SQL(
-- The item on the candidate's screen and their display settings, so another
-- computer opens the test where they were and as they chose to see it.
CREATE TABLE attempt_player_state (
    attempt_id  BIGINT PRIMARY KEY REFERENCES attempts(id),
    position    BIGINT NOT NULL,
    display     TEXT NOT NULL,
    updated_at  BIGINT NOT NULL
);

-- Display settings from a candidate's access arrangements (text size, colour
-- overlay, high contrast, line spacing): the player starts with them.
CREATE TABLE candidate_display_arrangements (
    candidate_id  BIGINT PRIMARY KEY REFERENCES candidates(id),
    display       TEXT NOT NULL,
    set_by        TEXT NOT NULL,
    set_at        BIGINT NOT NULL
);
)SQL"},
        {6, "bank_imports", R"SQL(
-- Item files and packages uploaded to be imported into the bank (issue 11
-- section 4): the import report the upload got and the items it would write
-- (items/1 JSON), kept until an AO admin confirms them into the bank folder,
-- once: confirmed_at is set then, with the file written, and never cleared.
CREATE TABLE bank_imports (
    id             INTEGER PRIMARY KEY,
    unit_code      TEXT NOT NULL,
    file_name      TEXT NOT NULL,
    format         TEXT NOT NULL,
    report         TEXT NOT NULL,
    items          TEXT NOT NULL,
    item_count     BIGINT NOT NULL,
    skipped_count  BIGINT NOT NULL,
    uploaded_by    TEXT NOT NULL,
    uploaded_at    BIGINT NOT NULL,
    confirmed_by   TEXT,
    confirmed_at   BIGINT,
    bank_file      TEXT,
    CHECK ((confirmed_at IS NULL) = (confirmed_by IS NULL))
);
)SQL"},
        {7, "bank_import_media", R"SQL(
-- The pictures a pending import's items show (issue 11 section 1), by media
-- name (the SHA-256 of the bytes and the extension of their type), written
-- into the bank folder's media/ when the import is confirmed. BYTEA is
-- PostgreSQL's name for bytes; SQLite keeps a bound blob as it is.
CREATE TABLE bank_import_media (
    import_id  BIGINT NOT NULL REFERENCES bank_imports(id),
    name       TEXT NOT NULL,
    bytes      BYTEA NOT NULL,
    PRIMARY KEY (import_id, name)
);
)SQL"},
        {8, "attempt_revisions", R"SQL(
-- Several nodes keep copies of an unfinished attempt (issue 12): every write
-- of the row moves its revision on, and is refused when the row is no longer
-- at the revision the writer's copy was read at, so a stale copy never
-- overwrites a newer state or clock.
ALTER TABLE attempts ADD COLUMN revision BIGINT NOT NULL DEFAULT 0;
)SQL"},
        {9, "login_failures", R"SQL(
-- Failed log-ins by throttle key, shared by every node (issue 12): a guesser
-- gets one allowance whichever node it asks. Old rows of a key go as new ones come.
CREATE TABLE login_failures (
    throttle_key  TEXT NOT NULL,
    at            BIGINT NOT NULL
);
CREATE INDEX login_failures_by_key ON login_failures (throttle_key, at);
)SQL"},
    };
    return migrations;
}

}  // namespace exam::storage
