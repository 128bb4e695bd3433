#pragma once
// Attempts: the frozen form, state and clock, responses, result. The autosave
// write is the hot path: it touches one response row and the clock.

#include <optional>
#include <set>
#include <string>
#include <vector>

#include "domain/result.hpp"
#include "domain/sitting.hpp"
#include "storage/audit_event.hpp"

namespace exam::storage {

class AttemptStore {
public:
    virtual ~AttemptStore() = default;
    virtual std::optional<domain::Attempt> attempt(domain::Id id) = 0;
    virtual std::optional<domain::Attempt> attempt_for_booking(domain::Id booking) = 0;
    // Submitted, marked and void attempts of a session (the unfinished ones live in memory).
    virtual std::vector<domain::Attempt> finished_attempts_of_session(domain::Id session) = 0;
    // Attempts admitted, in progress or paused: what the server's in-memory clocks are rebuilt from.
    virtual std::vector<domain::Attempt> unfinished_attempts() = 0;
    // Items of the unit the candidate has already been given, for resits.
    virtual std::set<std::string> items_seen(domain::Id candidate, const std::string& unit_code) = 0;

    virtual void create_attempt(domain::Attempt attempt, AuditEvent audit, domain::Completion<domain::Attempt> done) = 0;
    // The answer and the clock; like save_progress, only from a copy at the row's
    // current `revision`, which the write moves on by one.
    virtual void save_response(domain::Id attempt, std::size_t index, domain::ResponseState response,
                               domain::AttemptTime time, std::int64_t revision, domain::Completion<domain::Done> done) = 0;
    // Completes once every write queued before it has committed: the reply to
    // a repeated request must not overtake the write of the original.
    virtual void after_pending_writes(domain::Completion<domain::Done> done) = 0;
    // State, clock, submission and result together; `audit` may have an empty action for a clock-only update.
    // Voiding an attempt also voids the credit it earned, in the same transaction.
    // Written only while the row is still at `attempt.revision` (moving it to
    // revision + 1); otherwise refused with 409 attempt_changed and nothing kept.
    virtual void save_progress(const domain::Attempt& attempt, AuditEvent audit, domain::Completion<domain::Done> done) = 0;
    // One more report of an irregularity (such as the test window losing focus) from the candidate's client.
    virtual void record_irregularity(domain::Id attempt, std::string kind, domain::Millis at,
                                     domain::Completion<domain::Done> done) = 0;
};

}  // namespace exam::storage
