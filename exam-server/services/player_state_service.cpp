#include "services/player_state_service.hpp"

#include "services/attempt_service.hpp"
#include "services/candidate_registry.hpp"

namespace exam::services {

using domain::AttemptState;
using domain::Error;

domain::Result<PlayerView> PlayerStateService::get(domain::Id attempt) const {
    auto a = attempts_.get(attempt);
    if (!a) return a.error();
    PlayerView view;
    if (auto saved = store_.player_state(attempt)) {
        view.position = saved->position;
        view.display = saved->display;
        view.display_source = "player";
    } else if (auto arranged = store_.display_arrangement(a->candidate_id)) {
        view.display = *arranged;
        view.display_source = "arrangement";
    }
    return view;
}

void PlayerStateService::save(domain::Id attempt, storage::PlayerState state,
                              domain::Completion<storage::PlayerState> done) {
    auto a = attempts_.get(attempt);
    if (!a) return done(a.error());
    if (a->state == AttemptState::submitted || a->state == AttemptState::marked || a->state == AttemptState::void_) {
        return done(Error{409, "attempt_finished", "this attempt is over", {}});
    }
    if (state.position < 0 || static_cast<std::size_t>(state.position) >= a->form.size()) {
        return done(domain::invalid("/position", "expected an item position from 0 to " +
                                                     std::to_string(a->form.size() == 0 ? 0 : a->form.size() - 1)));
    }
    store_.save_player_state(attempt, state, clock_.now_ms(), [state, done](domain::Result<domain::Done> r) {
        if (!r) return done(r.error());
        done(state);
    });
}

domain::Result<domain::Done> PlayerStateService::may_arrange(const domain::Principal& actor, domain::Id candidate) {
    // As for registrations: a role that may never do this is told so; another centre's candidate is not there.
    if (actor.kind != domain::Principal::Kind::staff ||
        (actor.role != domain::Role::ao_admin && actor.role != domain::Role::centre_admin)) {
        return domain::forbidden("only the centre's admin records access arrangements");
    }
    auto c = registry_.candidate(actor, candidate);
    if (!c) return c.error();
    return domain::Done{};
}

domain::Result<std::optional<std::string>> PlayerStateService::display_arrangement(const domain::Principal& actor,
                                                                                   domain::Id candidate) {
    if (auto ok = may_arrange(actor, candidate); !ok) return ok.error();
    return store_.display_arrangement(candidate);
}

void PlayerStateService::set_display_arrangement(const domain::Principal& actor, domain::Id candidate,
                                                 std::string display, domain::Completion<domain::Done> done) {
    if (auto ok = may_arrange(actor, candidate); !ok) return done(ok.error());
    storage::AuditEvent audit{clock_.now_ms(), "staff:" + actor.username, "candidate.display_arrangement",
                              "candidate:" + std::to_string(candidate), display};
    store_.save_display_arrangement(candidate, std::move(display), std::move(audit), std::move(done));
}

}  // namespace exam::services
