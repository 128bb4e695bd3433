#pragma once
// Where the candidate's player was: the item on screen and the display
// settings, so that logging in on another computer opens the same item with
// the same settings; and the display settings of a candidate's access
// arrangements, which the player starts with. Not part of the attempt's record
// (nothing is marked from it), so it has its own small store and never touches
// the autosave's hot path.

#include <cstdint>
#include <optional>
#include <string>

#include "domain/clock.hpp"
#include "domain/people.hpp"
#include "domain/result.hpp"
#include "storage/audit_event.hpp"

namespace exam::storage {

struct PlayerState {
    std::int64_t position = 0;
    std::string display;  // canonical JSON written by the API after validating it
};

class PlayerStateStore {
public:
    virtual ~PlayerStateStore() = default;
    virtual std::optional<PlayerState> player_state(domain::Id attempt) = 0;
    virtual void save_player_state(domain::Id attempt, PlayerState state, domain::Millis at,
                                   domain::Completion<domain::Done> done) = 0;
    // The candidate's display arrangement (canonical JSON), if the centre recorded one.
    virtual std::optional<std::string> display_arrangement(domain::Id candidate) = 0;
    // Audited: an access arrangement is the centre's decision about a candidate.
    virtual void save_display_arrangement(domain::Id candidate, std::string display, AuditEvent audit,
                                          domain::Completion<domain::Done> done) = 0;
};

}  // namespace exam::storage
