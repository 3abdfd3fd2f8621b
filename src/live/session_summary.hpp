#pragma once

#include <nlohmann/json.hpp>

#include "core/drill.hpp"
#include "live/live_session.hpp"

namespace pocket {

// What the history keeps of a live session besides its strokes, and what the JSON result
// shares with it.

// `value` rounded to 1/`scale`, without a negative zero: the JSON reads as the terminal does.
double rounded_for_json(double value, double scale);

// When the kit's port was away, and for how long.
nlohmann::json midi_outages_json(const LiveResult& result);

// What the click modes did (`click_modes` of the result and of the stored summary).
nlohmann::json click_modes_json(const Drill& drill, const ClickModeResult& modes);

// What the history keeps as a session's summary: the keys of `pocket score --json`, the last
// bar played, the kit's port outages and what the click modes did.
nlohmann::json stored_summary_json(const LiveOptions& options, const LiveResult& result);

}  // namespace pocket
