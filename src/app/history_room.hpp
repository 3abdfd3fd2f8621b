#pragma once

#include <cstdint>
#include <optional>
#include <string>

namespace pocket::app {

// What a minute of playing takes in the history, at most: 16 strokes a second (sixteenths at
// 240 BPM) of about 80 bytes each (measured: 74 per stroke with its session), and room for the
// write-ahead log, which grows to about 4 MB between checkpoints.
constexpr std::uintmax_t kHistoryBytesPerMinute = 16 * 60 * 80;
constexpr std::uintmax_t kHistoryLogBytes = 4 << 20;

// Said before the click when the history may fill up during the session: the minutes of
// playing it has room for, against `planned_minutes` (0: a session without an end, for which
// an hour is asked). Nothing when there is room.
std::optional<std::string> history_room_warning(std::uintmax_t room_bytes, double planned_minutes);

}  // namespace pocket::app
