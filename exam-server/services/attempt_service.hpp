#pragma once
// The attempt lifecycle: the form frozen at first log-in, start, autosave with
// sequence numbers, flags, heartbeats, pause and resume, submission (by the
// candidate, the invigilator or the clock) and marking.
//
// Unfinished attempts live in memory (one owner: this service), rebuilt from
// the database at start-up, so the autosave path checks state, clock and
// sequence without reading the disk. Every change is written through the
// attempt store and acknowledged only after its commit. With several nodes on
// one database, each write is made only from a copy at the row's revision,
// and changes other nodes announce are read back (changed_elsewhere).

#include <atomic>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "domain/clock.hpp"
#include "domain/result.hpp"
#include "domain/sitting.hpp"
#include "item_bank/bank.hpp"
#include "storage/attempt_store.hpp"

namespace exam::services {

// An attempt as of one instant: what the candidate's screen and the
// invigilator's room show. Candidate-facing views pick from it.
struct AttemptSnapshot {
    domain::Id attempt_id = 0;
    domain::Id session_id = 0;
    domain::Id booking_id = 0;
    domain::Id candidate_id = 0;
    domain::AttemptState state = domain::AttemptState::admitted;
    domain::Millis at = 0;  // the server time this describes
    domain::Millis allowed_ms = 0;
    domain::Millis remaining_ms = 0;
    domain::Millis added_ms = 0;  // extra time granted during the sitting
    bool running = false;         // the clock is counting down
    std::size_t item_count = 0;
    std::size_t answered = 0;
    std::size_t flagged = 0;
    std::optional<domain::SubmittedBy> submitted_by;
    domain::Millis last_heard_ms = 0;  // 0: not heard from since this server started
    bool connected = false;            // heard from within the grace
    std::map<std::string, std::int64_t> irregularities;
    std::string void_reason;
};

// Told of every change to an attempt once it is committed (the live feed).
using AttemptObserver = std::function<void(const AttemptSnapshot&)>;

struct SaveRequest {
    std::size_t position = 0;  // 0-based index into the form
    std::int64_t sequence = 0;
    std::vector<std::string> selected;
    bool flagged = false;
};

struct SaveOutcome {
    bool applied = false;  // false: an older or repeated sequence, ignored (still durable: acked after a fence)
    std::int64_t sequence = 0;  // the item's current sequence
    AttemptSnapshot snapshot;
};

class AttemptService {
public:
    AttemptService(storage::AttemptStore& store, const domain::Clock& clock,
                   std::shared_ptr<const item_bank::Bank> bank, domain::Millis grace,
                   std::function<std::uint64_t()> seed_source);

    // Rebuilds the in-memory attempts from the database. Call once before serving.
    void load_unfinished();
    // Both set once, before serving. The lookup answers whether a booking has
    // been admitted, for a candidate who logged in before the invigilator did it.
    void set_observer(AttemptObserver observer) { observer_ = std::move(observer); }
    void set_admission_lookup(std::function<bool(domain::Id booking)> lookup) { admitted_lookup_ = std::move(lookup); }

    // The attempt of a booking: the existing one, or a new one with a form
    // assembled and frozen now. Refuses a finished attempt.
    void open_for_booking(const domain::Booking& booking, const domain::TestSession& session,
                          const domain::Candidate& candidate, domain::Completion<domain::Attempt> done);

    domain::Result<domain::Attempt> get(domain::Id attempt) const;
    domain::Result<AttemptSnapshot> snapshot(domain::Id attempt) const;

    void start(domain::Id attempt, std::string actor, domain::Completion<AttemptSnapshot> done);
    void save(domain::Id attempt, SaveRequest request, domain::Completion<SaveOutcome> done);
    void heartbeat(domain::Id attempt, domain::Completion<AttemptSnapshot> done);
    void submit(domain::Id attempt, domain::SubmittedBy by, std::string actor, domain::Completion<AttemptSnapshot> done);
    void pause(domain::Id attempt, std::string actor, std::string reason, domain::Completion<AttemptSnapshot> done);
    void resume(domain::Id attempt, std::string actor, domain::Completion<AttemptSnapshot> done);
    // The booking was admitted: a candidate already waiting may now start.
    void admitted(domain::Id booking);
    void add_time(domain::Id attempt, domain::Millis extra, std::string actor, std::string reason,
                  domain::Completion<AttemptSnapshot> done);
    // Void at any stage; credit the attempt earned is voided with it.
    void void_attempt(domain::Id attempt, std::string actor, std::string reason, domain::Completion<AttemptSnapshot> done);
    void report_irregularity(domain::Id attempt, std::string kind, domain::Completion<AttemptSnapshot> done);

    // Every attempt of a session as of now, unfinished and finished.
    std::vector<AttemptSnapshot> snapshots_of_session(domain::Id session) const;
    // The unfinished ones only (all in memory: no database read), for acting on the whole room.
    std::vector<AttemptSnapshot> unfinished_snapshots_of_session(domain::Id session) const;
    // Tells the observer of candidates whose client fell silent beyond the grace.
    void sweep_connections();

    // Releases a marked attempt's result to its candidate (held results wait for this).
    void release_result(domain::Id attempt, std::string actor, domain::Completion<domain::Attempt> done);

    // Another node committed a change to this attempt (issue 12): the copy
    // here is read back from the database (or made, for an attempt begun
    // elsewhere; or dropped, once finished) and the observer told, so a room
    // watched here sees what candidates do on any node.
    void changed_elsewhere(domain::Id attempt);
    // Changes elsewhere may have been missed (the listener reconnected): every
    // copy is re-read before its next use, and attempts begun elsewhere are added.
    void resync_with_database();

    // Submits every attempt whose time ran out as of now; returns how many.
    std::size_t submit_expired();
    std::size_t unfinished_count() const;

    const item_bank::Bank& bank() const { return *bank_; }

private:
    struct Live {
        std::mutex mutex;
        domain::Attempt attempt;
        std::atomic<bool> stale{false};
        domain::Millis last_heard = 0;
        bool connected_reported = false;  // what the observer was last told
    };
    std::shared_ptr<Live> live(domain::Id id) const;
    // live(), or for an unfinished attempt only the database knows of yet, its copy made now.
    std::shared_ptr<Live> live_or_adopt(domain::Id id);
    std::shared_ptr<Live> adopt(const domain::Attempt& fresh);
    // Every unfinished attempt, taken under the registry lock and used outside it.
    std::vector<std::shared_ptr<Live>> all_live() const;
    AttemptSnapshot snapshot_of(const domain::Attempt& a, domain::Millis now) const;
    AttemptSnapshot snapshot_of(Live& live, domain::Millis now) const;  // with connection; lock held
    // Notes contact; true when the observer had been told the client was silent.
    bool heard_from(Live& live, domain::Millis now);
    void notify(const AttemptSnapshot& snap) const;
    // Drops a finished attempt from memory once its final write committed.
    void retire(domain::Id id);
    // Read-modify-write of a finished attempt (release, void), one at a time per attempt.
    domain::Result<domain::Attempt> begin_settling(domain::Id id);
    void end_settling(domain::Id id);
    // Marks a submitted attempt and writes it; the caller holds the Live's lock.
    void finish_locked(Live& live, domain::SubmittedBy by, const std::string& actor,
                       domain::Completion<AttemptSnapshot> done);
    // Writes a live attempt's progress and moves its copy's revision on; its Live's lock held.
    void save_progress_of(domain::Attempt& attempt, storage::AuditEvent audit, domain::Completion<domain::Done> done);
    // The reply once a write committed; a failed write marks the attempt to be re-read.
    domain::Completion<domain::Done> reply_after_commit(domain::Id id, AttemptSnapshot snap,
                                                        domain::Completion<AttemptSnapshot> done);
    // Why an attempt is not among the unfinished ones: finished, or not there at all.
    domain::Error missing(domain::Id id) const;
    void mark_stale(domain::Id id);
    void refresh_if_stale(Live& live) const;

    storage::AttemptStore& store_;
    const domain::Clock& clock_;
    std::shared_ptr<const item_bank::Bank> bank_;
    domain::Millis grace_;
    std::function<std::uint64_t()> seed_source_;

    mutable std::mutex registry_mutex_;
    std::map<domain::Id, std::shared_ptr<Live>> live_;
    std::map<domain::Id, domain::Id> live_by_booking_;
    std::set<domain::Id> settling_;
    AttemptObserver observer_;
    std::function<bool(domain::Id)> admitted_lookup_;
};

}  // namespace exam::services
