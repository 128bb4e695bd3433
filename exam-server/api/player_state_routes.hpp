#pragma once
#include "api/api_context.hpp"

namespace exam::services {
class PlayerStateService;
}

namespace exam::api {

// GET and PUT /api/v1/attempt/player-state: the item on the candidate's screen
// and their display settings, for the candidate's own token only; GET and PUT
// /api/v1/candidates/{candidate}/display-arrangement: the display settings of
// the candidate's access arrangements, for the centre's admin and AO admins.
void add_player_state_routes(Router& router, ApiContext& ctx, services::PlayerStateService& players);

}  // namespace exam::api
