#pragma once
#include "api/api_context.hpp"

namespace exam::services {
class PlayerStateService;
}

namespace exam::api {

// GET and PUT /api/v1/attempt/player-state: the item on the candidate's screen
// and their display settings, for the candidate's own token only.
void add_player_state_routes(Router& router, ApiContext& ctx, services::PlayerStateService& players);

}  // namespace exam::api
