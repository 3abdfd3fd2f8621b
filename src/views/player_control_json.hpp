#pragma once

#include <nlohmann/json.hpp>

#include "live/live_result.hpp"

namespace pocket {

// What the player did to the click, as keys of the JSON result: `paused_seconds`, `pauses`
// (each pause's bar, where it began on the click track and how long it lasted), `start_on_hit`
// (how long the click waited for the hit; null without it) and `remote` (the remote pad, its
// taps and what they did; null without one).
void add_player_control_json(nlohmann::json& result, const LiveResult& r);

}  // namespace pocket
