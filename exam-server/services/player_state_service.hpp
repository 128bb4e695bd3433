#pragma once
// The candidate's place in the test and display settings, kept so that a log-in
// on another computer opens the same item, as the candidate chose to see it;
// and the display settings of a candidate's access arrangements, recorded by
// the centre, which the player starts with. The API validates the settings;
// this checks who may set them, the attempt and the position.

#include <optional>
#include <string>

#include "domain/clock.hpp"
#include "domain/people.hpp"
#include "domain/result.hpp"
#include "storage/player_state_store.hpp"

namespace exam::services {

class AttemptService;
class CandidateRegistry;

struct PlayerView {
    std::optional<std::int64_t> position;  // none before the player first said
    std::optional<std::string> display;    // canonical JSON
    std::string display_source;            // "player", "arrangement", or empty when there is none
};

class PlayerStateService {
public:
    PlayerStateService(storage::PlayerStateStore& store, const AttemptService& attempts, CandidateRegistry& registry,
                       const domain::Clock& clock)
        : store_(store), attempts_(attempts), registry_(registry), clock_(clock) {}

    // The attempt's saved state; without saved settings, those of the candidate's access arrangements.
    domain::Result<PlayerView> get(domain::Id attempt) const;
    // Refused for a position past the last item, and once the attempt is over.
    void save(domain::Id attempt, storage::PlayerState state, domain::Completion<storage::PlayerState> done);

    // For centre admins (of the candidate's centre) and AO admins.
    domain::Result<std::optional<std::string>> display_arrangement(const domain::Principal& actor, domain::Id candidate);
    void set_display_arrangement(const domain::Principal& actor, domain::Id candidate, std::string display,
                                 domain::Completion<domain::Done> done);

private:
    domain::Result<domain::Done> may_arrange(const domain::Principal& actor, domain::Id candidate);

    storage::PlayerStateStore& store_;
    const AttemptService& attempts_;
    CandidateRegistry& registry_;
    const domain::Clock& clock_;
};

}  // namespace exam::services
