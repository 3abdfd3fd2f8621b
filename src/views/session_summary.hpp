#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "live/live_session.hpp"

namespace pocket {

// The summary of a finished session on live.feedback, as the player reads it after the click:
// what was lost, the clicks and underflows, the timing precision, what the click modes did,
// the timing table, notes the kit map left out, the ladder's verdict, `goal` (the drill's goal
// in words, when the player set one) and where the history keeps it. Warnings go to stderr.
void print_session_summary(const LiveOptions& live, const LiveResult& result,
                           std::optional<std::int64_t> session_id, const std::string& goal);

}  // namespace pocket
