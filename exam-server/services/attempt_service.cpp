#include "services/attempt_service.hpp"

#include <algorithm>
#include <memory>
#include <set>

#include "domain/attempt_clock.hpp"
#include "domain/marking.hpp"
#include "services/attempt_assembly.hpp"

namespace exam::services {

using domain::AttemptState;
using domain::Error;
using domain::Millis;

namespace {

Error storage_failed() {
    return Error{503, "storage_unavailable", "the change could not be saved; send it again", {}};
}

Error finished_error(const domain::Attempt& a) {
    return Error{409, "attempt_finished",
                 a.state == AttemptState::void_ ? "this attempt has been voided" : "this attempt has been submitted", {}};
}

bool finished(AttemptState s) {
    return s == AttemptState::submitted || s == AttemptState::marked || s == AttemptState::void_;
}

std::string subject(domain::Id id) { return "attempt:" + std::to_string(id); }

}  // namespace

AttemptService::AttemptService(storage::AttemptStore& store, const domain::Clock& clock,
                               std::shared_ptr<const item_bank::Bank> bank, Millis grace,
                               std::function<std::uint64_t()> seed_source)
    : store_(store), clock_(clock), bank_(std::move(bank)), grace_(grace), seed_source_(std::move(seed_source)) {}

void AttemptService::load_unfinished() {
    std::lock_guard lock(registry_mutex_);
    for (auto& a : store_.unfinished_attempts()) {
        auto l = std::make_shared<Live>();
        const auto id = a.id;
        live_by_booking_[a.booking_id] = id;
        l->attempt = std::move(a);
        live_[id] = std::move(l);
    }
}

std::shared_ptr<AttemptService::Live> AttemptService::live(domain::Id id) const {
    std::lock_guard lock(registry_mutex_);
    auto it = live_.find(id);
    return it == live_.end() ? nullptr : it->second;
}

std::size_t AttemptService::unfinished_count() const {
    std::lock_guard lock(registry_mutex_);
    return live_.size();
}

AttemptSnapshot AttemptService::snapshot_of(const domain::Attempt& a, Millis now) const {
    AttemptSnapshot s;
    s.attempt_id = a.id;
    s.session_id = a.session_id;
    s.booking_id = a.booking_id;
    s.candidate_id = a.candidate_id;
    s.state = a.state;
    s.at = now;
    s.allowed_ms = a.time.allowed_ms;
    s.remaining_ms = domain::remaining_at(a.time, now, grace_);
    s.added_ms = a.added_ms;
    s.running = a.time.running;
    s.item_count = a.form.size();
    for (const auto& r : a.responses) {
        if (!r.selected.empty()) ++s.answered;
        if (r.flagged) ++s.flagged;
    }
    s.submitted_by = a.submitted_by;
    s.irregularities = a.irregularities;
    s.void_reason = a.void_reason;
    return s;
}

AttemptSnapshot AttemptService::snapshot_of(Live& l, Millis now) const {
    AttemptSnapshot s = snapshot_of(l.attempt, now);
    s.last_heard_ms = l.last_heard;
    s.connected = l.last_heard > 0 && now - l.last_heard <= grace_ && !finished(l.attempt.state);
    return s;
}

bool AttemptService::heard_from(Live& l, Millis now) {
    l.last_heard = std::max(l.last_heard, now);
    const bool was_silent = !l.connected_reported;
    l.connected_reported = true;
    return was_silent;
}

void AttemptService::notify(const AttemptSnapshot& snap) const {
    if (observer_) observer_(snap);
}

void AttemptService::retire(domain::Id id) {
    std::lock_guard lock(registry_mutex_);
    if (auto it = live_.find(id); it != live_.end()) {
        live_by_booking_.erase(it->second->attempt.booking_id);
        live_.erase(it);
    }
}

domain::Result<domain::Attempt> AttemptService::get(domain::Id id) const {
    if (auto l = live(id)) {
        std::lock_guard lock(l->mutex);
        refresh_if_stale(*l);
        return l->attempt;
    }
    if (auto a = store_.attempt(id)) return *a;
    return domain::not_found("no such attempt");
}

domain::Result<AttemptSnapshot> AttemptService::snapshot(domain::Id id) const {
    if (auto l = live(id)) {
        std::lock_guard lock(l->mutex);
        refresh_if_stale(*l);
        return snapshot_of(*l, clock_.now_ms());
    }
    auto a = get(id);
    if (!a) return a.error();
    return snapshot_of(a.value(), clock_.now_ms());
}

std::vector<std::shared_ptr<AttemptService::Live>> AttemptService::all_live() const {
    std::lock_guard lock(registry_mutex_);
    std::vector<std::shared_ptr<Live>> out;
    out.reserve(live_.size());
    for (const auto& [id, l] : live_) out.push_back(l);
    return out;
}

std::vector<AttemptSnapshot> AttemptService::unfinished_snapshots_of_session(domain::Id session) const {
    std::vector<AttemptSnapshot> out;
    const Millis now = clock_.now_ms();
    for (auto& l : all_live()) {
        std::lock_guard lock(l->mutex);
        if (l->attempt.session_id != session) continue;
        refresh_if_stale(*l);
        out.push_back(snapshot_of(*l, now));
    }
    std::sort(out.begin(), out.end(), [](const auto& x, const auto& y) { return x.attempt_id < y.attempt_id; });
    return out;
}

std::vector<AttemptSnapshot> AttemptService::snapshots_of_session(domain::Id session) const {
    std::vector<AttemptSnapshot> out = unfinished_snapshots_of_session(session);
    std::set<domain::Id> seen;
    for (const auto& snap : out) seen.insert(snap.attempt_id);
    // One that finished since the scan above is in both: memory's copy stands.
    const Millis now = clock_.now_ms();
    for (const auto& a : store_.finished_attempts_of_session(session)) {
        if (!seen.count(a.id)) out.push_back(snapshot_of(a, now));
    }
    std::sort(out.begin(), out.end(), [](const auto& x, const auto& y) { return x.attempt_id < y.attempt_id; });
    return out;
}

void AttemptService::open_for_booking(const domain::Booking& booking, const domain::TestSession& session,
                                      const domain::Candidate& candidate, domain::Completion<domain::Attempt> done) {
    std::shared_ptr<Live> existing_live;
    {
        std::lock_guard lock(registry_mutex_);
        if (auto it = live_by_booking_.find(booking.id); it != live_by_booking_.end()) {
            if (it->second == 0) return done(Error{409, "busy", "this log-in is already being set up; try again", {}});
            existing_live = live_.at(it->second);
        } else {
            live_by_booking_[booking.id] = 0;  // reserved while the attempt is created
        }
    }
    if (existing_live) {
        domain::Attempt copy;
        {
            std::lock_guard alock(existing_live->mutex);
            refresh_if_stale(*existing_live);
            copy = existing_live->attempt;
        }
        return done(std::move(copy));
    }
    auto release = [this, booking_id = booking.id] {
        std::lock_guard lock(registry_mutex_);
        live_by_booking_.erase(booking_id);
    };
    if (auto existing = store_.attempt_for_booking(booking.id)) {
        release();
        return done(finished_error(*existing));  // finished attempts are not in memory
    }
    auto assembled = assemble_attempt(*bank_, booking, session, candidate,
                                      store_.items_seen(candidate.id, session.unit_code), seed_source_());
    if (!assembled) {
        release();
        return done(assembled.error());
    }
    storage::AuditEvent audit{clock_.now_ms(), "candidate:" + std::to_string(candidate.id), "attempt.create",
                              "booking:" + std::to_string(booking.id), "{}"};
    store_.create_attempt(std::move(assembled.value()), std::move(audit),
                          [this, release, done](domain::Result<domain::Attempt> created) {
                              if (!created) {
                                  release();
                                  return done(created.error());
                              }
                              {
                                  std::lock_guard lock(registry_mutex_);
                                  auto l = std::make_shared<Live>();
                                  l->attempt = created.value();
                                  live_[created->id] = l;
                                  live_by_booking_[created->booking_id] = created->id;
                              }
                              done(std::move(created));
                          });
}

void AttemptService::start(domain::Id id, std::string actor, domain::Completion<AttemptSnapshot> done) {
    auto l = live_or_adopt(id);
    if (!l) return done(missing(id));
    std::lock_guard lock(l->mutex);
    refresh_if_stale(*l);
    auto& a = l->attempt;
    const Millis now = clock_.now_ms();
    heard_from(*l, now);
    if (a.state == AttemptState::booked) {
        if (!admitted_lookup_ || !admitted_lookup_(a.booking_id)) {
            return done(Error{409, "not_admitted", "the invigilator has not admitted you yet: wait to be admitted", {}});
        }
        a.state = AttemptState::admitted;  // admitted while this client was logged in
    }
    if (a.state != AttemptState::admitted) {
        if (a.state == AttemptState::in_progress) domain::record_contact(a.time, now, grace_);
        return done(snapshot_of(*l, now));  // starting twice is harmless
    }
    a.state = AttemptState::in_progress;
    domain::resume_clock(a.time, now);
    auto snap = snapshot_of(*l, now);
    save_progress_of(a, {now, std::move(actor), "attempt.start", subject(id), "{}"},
                         reply_after_commit(id, snap, done));
}

void AttemptService::save(domain::Id id, SaveRequest req, domain::Completion<SaveOutcome> done) {
    auto l = live_or_adopt(id);
    if (!l) return done(missing(id));
    std::lock_guard lock(l->mutex);
    refresh_if_stale(*l);
    auto& a = l->attempt;
    const Millis now = clock_.now_ms();
    if (a.state == AttemptState::paused) {
        return done(Error{409, "attempt_paused", "the invigilator has paused this test; wait to be resumed", {}});
    }
    if (a.state != AttemptState::in_progress) {
        return done(Error{409, "not_started", "start the test before answering", {}});
    }
    if (domain::remaining_at(a.time, now, grace_) == 0) {
        finish_locked(*l, domain::SubmittedBy::time_out, "system", [](domain::Result<AttemptSnapshot>) {});
        return done(Error{409, "time_up", "time is up: the test has been submitted", {}});
    }
    if (req.position >= a.form.size()) {
        return done(domain::invalid("/position", "expected 0 to " + std::to_string(a.form.size() - 1)));
    }
    const auto& entry = a.form[req.position];
    const item_bank::Item* item = bank_->item(entry.item_id);
    const int choose = item ? item->choose : 1;
    std::set<std::string> distinct;
    for (std::size_t i = 0; i < req.selected.size(); ++i) {
        const auto& opt = req.selected[i];
        if (std::find(entry.option_order.begin(), entry.option_order.end(), opt) == entry.option_order.end()) {
            return done(domain::invalid("/selected/" + std::to_string(i), "no option \"" + opt + "\" in this item"));
        }
        if (!distinct.insert(opt).second) {
            return done(domain::invalid("/selected/" + std::to_string(i), "option \"" + opt + "\" is chosen twice"));
        }
    }
    if (static_cast<int>(distinct.size()) > choose) {
        return done(domain::invalid("/selected", "choose at most " + std::to_string(choose) +
                                                     (choose == 1 ? " option" : " options") + " for this item"));
    }
    domain::record_contact(a.time, now, grace_);
    heard_from(*l, now);
    auto& current = a.responses[req.position];
    if (req.sequence <= current.sequence) {
        SaveOutcome outcome{false, current.sequence, snapshot_of(*l, now)};
        return store_.after_pending_writes([outcome, done](domain::Result<domain::Done> r) {
            if (!r) return done(storage_failed());
            done(outcome);
        });
    }
    current = domain::ResponseState{req.selected, req.flagged, req.sequence};
    SaveOutcome outcome{true, req.sequence, snapshot_of(*l, now)};
    store_.save_response(id, req.position, current, a.time, a.revision,
                         [this, id, outcome, done](domain::Result<domain::Done> r) {
                             if (!r) {
                                 mark_stale(id);
                                 return done(storage_failed());
                             }
                             done(outcome);
                             notify(outcome.snapshot);
                         });
    ++a.revision;  // the row's, once the write queued behind the others commits
}

void AttemptService::heartbeat(domain::Id id, domain::Completion<AttemptSnapshot> done) {
    auto l = live_or_adopt(id);
    if (!l) {
        auto a = get(id);
        if (!a) return done(a.error());
        return done(snapshot_of(a.value(), clock_.now_ms()));  // a finished attempt answers with its final state
    }
    std::lock_guard lock(l->mutex);
    refresh_if_stale(*l);
    auto& a = l->attempt;
    const Millis now = clock_.now_ms();
    if (a.state == AttemptState::in_progress && domain::remaining_at(a.time, now, grace_) == 0) {
        return finish_locked(*l, domain::SubmittedBy::time_out, "system", done);
    }
    domain::record_contact(a.time, now, grace_);
    // The room hears of a heartbeat only when it brings a candidate back.
    const bool reconnected = heard_from(*l, now);
    auto snap = snapshot_of(*l, now);
    if (reconnected) notify(snap);
    if (a.state != AttemptState::in_progress) return done(snap);
    save_progress_of(a, {}, [this, id, snap, done](domain::Result<domain::Done> r) {
        if (!r) {
            mark_stale(id);
            return done(storage_failed());
        }
        done(snap);
    });
}

void AttemptService::submit(domain::Id id, domain::SubmittedBy by, std::string actor,
                            domain::Completion<AttemptSnapshot> done) {
    auto l = live_or_adopt(id);
    if (!l) return done(missing(id));
    std::lock_guard lock(l->mutex);
    refresh_if_stale(*l);
    if ((l->attempt.state == AttemptState::admitted || l->attempt.state == AttemptState::booked) &&
        by == domain::SubmittedBy::candidate) {
        return done(Error{409, "not_started", "start the test before submitting it", {}});
    }
    finish_locked(*l, by, actor, std::move(done));
}

void AttemptService::finish_locked(Live& l, domain::SubmittedBy by, const std::string& actor,
                                   domain::Completion<AttemptSnapshot> done) {
    auto& a = l.attempt;
    if (finished(a.state)) return done(finished_error(a));
    const Millis now = clock_.now_ms();
    domain::pause_clock(a.time, now, grace_);
    a.submitted_by = by;
    a.submitted_at = now;
    const auto* spec = bank_->test_specification(a.unit_code);
    a.state = AttemptState::submitted;
    if (spec != nullptr) {
        a.result = domain::mark_attempt(a, *spec, [this](const std::string& item_id, int version) {
            const auto* item = bank_->item(item_id);
            return item != nullptr && item->version == version ? item : nullptr;
        });
        a.state = AttemptState::marked;
    }
    auto snap = snapshot_of(l, now);
    const std::string details = R"({"submitted_by":")" + std::string(domain::to_string(by)) + R"("})";
    save_progress_of(a, {now, actor, "attempt.submit", subject(a.id), details},
                         [this, id = a.id, snap, done](domain::Result<domain::Done> r) {
                             if (!r) {
                                 mark_stale(id);
                                 return done(storage_failed());
                             }
                             retire(id);
                             done(snap);
                             notify(snap);
                         });
}

void AttemptService::pause(domain::Id id, std::string actor, std::string reason,
                           domain::Completion<AttemptSnapshot> done) {
    auto l = live_or_adopt(id);
    if (!l) return done(missing(id));
    std::lock_guard lock(l->mutex);
    refresh_if_stale(*l);
    auto& a = l->attempt;
    if (a.state != AttemptState::in_progress) {
        return done(Error{409, "not_in_progress", "only a test in progress can be paused", {}});
    }
    const Millis now = clock_.now_ms();
    domain::pause_clock(a.time, now, grace_);
    a.state = AttemptState::paused;
    auto snap = snapshot_of(*l, now);
    const std::string details = reason.empty() ? "{}" : R"({"reason":)" + storage::quoted_json(reason) + "}";
    save_progress_of(a, {now, std::move(actor), "attempt.pause", subject(id), details},
                         reply_after_commit(id, snap, done));
}

void AttemptService::resume(domain::Id id, std::string actor, domain::Completion<AttemptSnapshot> done) {
    auto l = live_or_adopt(id);
    if (!l) return done(missing(id));
    std::lock_guard lock(l->mutex);
    refresh_if_stale(*l);
    auto& a = l->attempt;
    if (a.state != AttemptState::paused) return done(Error{409, "not_paused", "only a paused test can be resumed", {}});
    const Millis now = clock_.now_ms();
    domain::resume_clock(a.time, now);
    a.state = AttemptState::in_progress;
    auto snap = snapshot_of(*l, now);
    save_progress_of(a, {now, std::move(actor), "attempt.resume", subject(id), "{}"},
                         reply_after_commit(id, snap, done));
}

domain::Result<domain::Attempt> AttemptService::begin_settling(domain::Id id) {
    {
        std::lock_guard lock(registry_mutex_);
        if (!settling_.insert(id).second) return Error{409, "busy", "another change to this attempt is being saved; try again", {}};
    }
    auto a = store_.attempt(id);
    if (!a) {
        end_settling(id);
        return domain::not_found("no such attempt");
    }
    return *a;
}

void AttemptService::end_settling(domain::Id id) {
    std::lock_guard lock(registry_mutex_);
    settling_.erase(id);
}

void AttemptService::release_result(domain::Id id, std::string actor, domain::Completion<domain::Attempt> done) {
    if (live(id)) return done(Error{409, "not_marked", "the attempt has not been submitted yet", {}});
    auto a = begin_settling(id);
    if (!a) return done(a.error());
    if (a->state != AttemptState::marked || !a->result) {
        end_settling(id);
        return done(Error{409, "not_marked", "only a marked attempt has a result to release", {}});
    }
    if (a->result->released) {
        end_settling(id);
        return done(a.value());
    }
    a->result->released = true;
    auto released = std::make_shared<domain::Attempt>(std::move(a.value()));
    store_.save_progress(*released, {clock_.now_ms(), std::move(actor), "result.release", subject(id), "{}"},
                         [this, id, released, done](domain::Result<domain::Done> r) {
                             end_settling(id);
                             if (!r) return done(r.error());
                             done(*released);
                             notify(snapshot_of(*released, clock_.now_ms()));
                         });
}

void AttemptService::admitted(domain::Id booking) {
    std::shared_ptr<Live> l;
    {
        std::lock_guard lock(registry_mutex_);
        auto it = live_by_booking_.find(booking);
        if (it == live_by_booking_.end() || it->second == 0) return;  // not logged in yet: the attempt starts admitted
        l = live_.at(it->second);
    }
    std::lock_guard lock(l->mutex);
    refresh_if_stale(*l);
    if (l->attempt.state != AttemptState::booked) return;
    l->attempt.state = AttemptState::admitted;
    auto snap = snapshot_of(*l, clock_.now_ms());
    // The booking's admission carries the audit entry; this only moves the attempt on.
    save_progress_of(l->attempt, {}, reply_after_commit(l->attempt.id, snap, [](domain::Result<AttemptSnapshot>) {}));
}

void AttemptService::add_time(domain::Id id, Millis extra, std::string actor, std::string reason,
                              domain::Completion<AttemptSnapshot> done) {
    auto l = live_or_adopt(id);
    if (!l) return done(missing(id));
    std::lock_guard lock(l->mutex);
    refresh_if_stale(*l);
    auto& a = l->attempt;
    const Millis now = clock_.now_ms();
    a.time.allowed_ms += extra;
    a.added_ms += extra;
    auto snap = snapshot_of(*l, now);
    const std::string details = R"({"minutes":)" + std::to_string(extra / 60'000) +
                                R"(,"reason":)" + storage::quoted_json(reason) + "}";
    save_progress_of(a, {now, std::move(actor), "attempt.extra_time", subject(id), details},
                         reply_after_commit(id, snap, done));
}

void AttemptService::void_attempt(domain::Id id, std::string actor, std::string reason,
                                  domain::Completion<AttemptSnapshot> done) {
    const Millis now = clock_.now_ms();
    const std::string details = R"({"reason":)" + storage::quoted_json(reason) + "}";
    if (auto l = live_or_adopt(id)) {
        std::lock_guard lock(l->mutex);
        refresh_if_stale(*l);
        auto& a = l->attempt;
        if (finished(a.state)) return done(finished_error(a));
        domain::pause_clock(a.time, now, grace_);
        a.state = AttemptState::void_;
        a.void_reason = reason;
        auto snap = snapshot_of(*l, now);
        return save_progress_of(a, {now, std::move(actor), "attempt.void", subject(id), details},
                                    [this, id, snap, done](domain::Result<domain::Done> r) {
                                        if (!r) {
                                            mark_stale(id);
                                            return done(storage_failed());
                                        }
                                        retire(id);
                                        done(snap);
                                        notify(snap);
                                    });
    }
    auto a = begin_settling(id);
    if (!a) return done(a.error());
    if (a->state == AttemptState::void_) {
        end_settling(id);
        return done(finished_error(a.value()));
    }
    a->state = AttemptState::void_;
    a->void_reason = reason;
    auto snap = snapshot_of(a.value(), now);
    store_.save_progress(a.value(), {now, std::move(actor), "attempt.void", subject(id), details},
                         [this, id, snap, done](domain::Result<domain::Done> r) {
                             end_settling(id);
                             if (!r) return done(storage_failed());
                             done(snap);
                             notify(snap);
                         });
}

void AttemptService::report_irregularity(domain::Id id, std::string kind, domain::Completion<AttemptSnapshot> done) {
    auto l = live_or_adopt(id);
    if (!l) return done(missing(id));
    std::lock_guard lock(l->mutex);
    refresh_if_stale(*l);
    const Millis now = clock_.now_ms();
    heard_from(*l, now);
    ++l->attempt.irregularities[kind];
    auto snap = snapshot_of(*l, now);
    store_.record_irregularity(id, std::move(kind), now, reply_after_commit(id, snap, done));
}

void AttemptService::changed_elsewhere(domain::Id id) {
    auto fresh = store_.attempt(id);
    if (!fresh) return;
    const Millis now = clock_.now_ms();
    auto l = live(id);
    if (finished(fresh->state)) {
        if (l) retire(id);
        return notify(snapshot_of(*fresh, now));
    }
    if (!l) l = adopt(*fresh);
    std::lock_guard lock(l->mutex);
    // A copy ahead of the row has writes of its own queued: they decide (and
    // are refused, marking it stale, if the other node's write came first).
    if (fresh->revision >= l->attempt.revision) {
        l->attempt = std::move(*fresh);
        l->stale = false;
    }
    // The other node heard from the candidate: so, in effect, did this one.
    if (l->attempt.time.last_contact_ms > l->last_heard) {
        l->last_heard = l->attempt.time.last_contact_ms;
        l->connected_reported = true;
    }
    notify(snapshot_of(*l, now));
}

std::shared_ptr<AttemptService::Live> AttemptService::adopt(const domain::Attempt& fresh) {
    std::lock_guard lock(registry_mutex_);
    auto& slot = live_[fresh.id];
    if (!slot) {
        slot = std::make_shared<Live>();
        slot->attempt = fresh;
        // A booking reserved here (0) is being set up by this node: its own creation fills it in.
        if (auto booked = live_by_booking_.find(fresh.booking_id); booked == live_by_booking_.end()) {
            live_by_booking_[fresh.booking_id] = fresh.id;
        }
    }
    return slot;
}

std::shared_ptr<AttemptService::Live> AttemptService::live_or_adopt(domain::Id id) {
    if (auto l = live(id)) return l;
    // Begun on another node, whose announcement has not arrived yet (the
    // log-in went to one node and the start to another): the database knows.
    auto fresh = store_.attempt(id);
    if (!fresh || finished(fresh->state)) return nullptr;
    return adopt(*fresh);
}

void AttemptService::resync_with_database() {
    std::set<domain::Id> known;
    {
        std::lock_guard lock(registry_mutex_);
        for (const auto& [id, l] : live_) {
            l->stale = true;
            known.insert(id);
        }
    }
    for (const auto& a : store_.unfinished_attempts()) {
        if (!known.count(a.id)) changed_elsewhere(a.id);
    }
}

void AttemptService::sweep_connections() {
    const Millis now = clock_.now_ms();
    for (auto& l : all_live()) {
        std::lock_guard lock(l->mutex);
        if (!l->connected_reported) continue;
        auto snap = snapshot_of(*l, now);
        if (snap.connected) continue;
        l->connected_reported = false;
        notify(snap);
    }
}

std::size_t AttemptService::submit_expired() {
    std::size_t submitted = 0;
    const Millis now = clock_.now_ms();
    for (auto& l : all_live()) {
        std::lock_guard lock(l->mutex);
        refresh_if_stale(*l);
        if (l->attempt.state != AttemptState::in_progress) continue;
        if (domain::remaining_at(l->attempt.time, now, grace_) > 0) continue;
        finish_locked(*l, domain::SubmittedBy::time_out, "system", [](domain::Result<AttemptSnapshot>) {});
        ++submitted;
    }
    return submitted;
}

void AttemptService::save_progress_of(domain::Attempt& a, storage::AuditEvent audit,
                                      domain::Completion<domain::Done> done) {
    store_.save_progress(a, std::move(audit), std::move(done));
    // The row's revision once this write commits: the next write from this
    // copy, queued behind it, expects it. A refused write marks the copy
    // stale, and it is read back (revision and all) before its next use.
    ++a.revision;
}

domain::Completion<domain::Done> AttemptService::reply_after_commit(domain::Id id, AttemptSnapshot snap,
                                                                    domain::Completion<AttemptSnapshot> done) {
    return [this, id, snap = std::move(snap), done = std::move(done)](domain::Result<domain::Done> r) {
        if (!r) {
            mark_stale(id);
            return done(storage_failed());
        }
        done(snap);
        notify(snap);
    };
}

domain::Error AttemptService::missing(domain::Id id) const {
    auto a = get(id);
    if (!a) return a.error();
    return finished_error(a.value());
}

void AttemptService::mark_stale(domain::Id id) {
    if (auto l = live(id)) l->stale = true;
}

void AttemptService::refresh_if_stale(Live& l) const {
    // A failed write leaves memory ahead of the database, and the database is
    // the truth: the next use reads it back. Called with l.mutex held.
    if (!l.stale.exchange(false)) return;
    if (auto fresh = store_.attempt(l.attempt.id)) l.attempt = std::move(*fresh);
}

}  // namespace exam::services
