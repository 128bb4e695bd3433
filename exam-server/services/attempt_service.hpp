#pragma once
// The attempt lifecycle: the form frozen at first log-in, start, autosave with
// sequence numbers, flags, heartbeats, pause and resume, submission (by the
// candidate, the invigilator or the clock) and marking.
//
// Unfinished attempts live in memory (one owner: this service), rebuilt from
// the database at start-up, so the autosave path checks state, clock and
// sequence without reading the disk. Every change is written through the
// attempt store and acknowledged only after its commit.

#include <atomic>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "domain/clock.hpp"
#include "domain/result.hpp"
#include "domain/sitting.hpp"
#include "item_bank/bank.hpp"
#include "storage/attempt_store.hpp"

namespace exam::services {

struct AttemptSnapshot {
    domain::Id attempt_id = 0;
    domain::AttemptState state = domain::AttemptState::admitted;
    domain::Millis allowed_ms = 0;
    domain::Millis remaining_ms = 0;
    std::size_t item_count = 0;
    std::size_t answered = 0;
    std::size_t flagged = 0;
    std::optional<domain::SubmittedBy> submitted_by;
};

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

    // Releases a marked attempt's result to its candidate (held results wait for this).
    void release_result(domain::Id attempt, std::string actor, domain::Completion<domain::Attempt> done);

    // Submits every attempt whose time ran out as of now; returns how many.
    std::size_t submit_expired();
    std::size_t unfinished_count() const;

    const item_bank::Bank& bank() const { return *bank_; }

private:
    struct Live {
        std::mutex mutex;
        domain::Attempt attempt;
        std::atomic<bool> stale{false};
    };
    std::shared_ptr<Live> live(domain::Id id) const;
    AttemptSnapshot snapshot_of(const domain::Attempt& a, domain::Millis now) const;
    // Marks a submitted attempt and writes it; the caller holds the Live's lock.
    void finish_locked(Live& live, domain::SubmittedBy by, const std::string& actor,
                       domain::Completion<AttemptSnapshot> done);
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
};

}  // namespace exam::services
