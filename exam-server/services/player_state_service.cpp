#include "services/player_state_service.hpp"

#include "services/attempt_service.hpp"

namespace exam::services {

using domain::AttemptState;
using domain::Error;

domain::Result<std::optional<storage::PlayerState>> PlayerStateService::get(domain::Id attempt) const {
    auto a = attempts_.get(attempt);
    if (!a) return a.error();
    return store_.player_state(attempt);
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

}  // namespace exam::services
