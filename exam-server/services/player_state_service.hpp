#pragma once
// The candidate's place in the test and display settings, kept so that a log-in
// on another computer opens the same item, as the candidate chose to see it.
// The API validates the settings; this checks the attempt and the position.

#include <optional>

#include "domain/clock.hpp"
#include "domain/result.hpp"
#include "storage/player_state_store.hpp"

namespace exam::services {

class AttemptService;

class PlayerStateService {
public:
    PlayerStateService(storage::PlayerStateStore& store, const AttemptService& attempts, const domain::Clock& clock)
        : store_(store), attempts_(attempts), clock_(clock) {}

    // The last state saved for the attempt; none before the first.
    domain::Result<std::optional<storage::PlayerState>> get(domain::Id attempt) const;
    // Refused for a position past the last item, and once the attempt is over.
    void save(domain::Id attempt, storage::PlayerState state, domain::Completion<storage::PlayerState> done);

private:
    storage::PlayerStateStore& store_;
    const AttemptService& attempts_;
    const domain::Clock& clock_;
};

}  // namespace exam::services
