#pragma once

#include <optional>

#include "core/calibration.hpp"
#include "live/live_session.hpp"

namespace pocket {

// The clicks `pocket calibrate` and `pocket setup` play for the player to hit along with.
inline constexpr double kCalibrationBpm = 100.0;
inline constexpr int kCalibrationClicks = 16;

// Sets `live`'s drill to `clicks` clicks at `bpm` after a bar of count-in. Throws UsageError
// for too few clicks or a tempo pocket cannot play.
void prepare_calibration(double bpm, int clicks, LiveOptions& live);

// Plays the prepared clicks through `live`'s devices and measures the player's raw loop
// offset (no earlier calibration subtracted), saying the result on live.feedback. Nothing,
// said on stderr, when too few strokes landed on the clicks. Throws std::runtime_error when a
// device cannot be opened. `live.views` show the session (the commands give a line view).
std::optional<Calibration> measure_calibration(LiveOptions live);

}  // namespace pocket
