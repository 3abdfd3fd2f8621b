#include "history_room.hpp"

#include <cmath>

#include <fmt/format.h>

namespace pocket::app {

std::optional<std::string> history_room_warning(std::uintmax_t room_bytes, double planned_minutes) {
  const double wanted = planned_minutes > 0.0 ? planned_minutes : 60.0;
  const std::uintmax_t strokes_room =
      room_bytes > kHistoryLogBytes ? room_bytes - kHistoryLogBytes : 0;
  const double minutes = static_cast<double>(strokes_room) / kHistoryBytesPerMinute;
  if (minutes >= wanted) return std::nullopt;
  const std::string free = room_bytes >= 1000 * 1000
                               ? fmt::format("{:.1f} MB", static_cast<double>(room_bytes) / 1e6)
                           : room_bytes >= 1000 ? fmt::format("{} KB", room_bytes / 1000)
                                                : std::string("under 1 KB");
  const std::string room =
      minutes < 1.0 ? "room for less than a minute of playing"
                    : fmt::format("room for about {:.0f} minutes of playing", std::floor(minutes));
  return fmt::format(
      "the history has {} ({} free): if it fills up, the session goes on and a recovery file "
      "keeps it for 'pocket import'",
      room, free);
}

}  // namespace pocket::app
