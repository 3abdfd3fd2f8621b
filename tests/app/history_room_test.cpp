// The warning before the click when the history may fill up during the session.
#include <catch2/catch.hpp>

#include "app/history_room.hpp"

using Catch::Contains;
using pocket::app::history_room_warning;

namespace {
constexpr std::uintmax_t kMB = 1000 * 1000;
}

TEST_CASE("a history with room for an hour of playing says nothing", "[history][room]") {
  // 4 MiB of log and 60 minutes of 16 strokes a second at 80 bytes: 8.8 MB.
  CHECK_FALSE(history_room_warning(9 * kMB, 0.0));
  CHECK_FALSE(history_room_warning(100 * kMB, 90.0));
}

TEST_CASE("a history short of room says how many minutes it can take", "[history][room]") {
  // 4 194 304 bytes of log, then 76 800 bytes a minute: 6 MB leaves 23.5 minutes.
  const auto for_an_hour = history_room_warning(6 * kMB, 0.0);
  REQUIRE(for_an_hour);
  CHECK_THAT(*for_an_hour, Contains("room for about 23 minutes of playing") &&
                               Contains("(6.0 MB free)") && Contains("pocket import"));
  // The same room is enough for a session of 20 minutes, not for one of 30.
  CHECK_FALSE(history_room_warning(6 * kMB, 20.0));
  CHECK(history_room_warning(6 * kMB, 30.0));
}

TEST_CASE("a nearly full history has room for less than a minute", "[history][room]") {
  const auto nearly_full = history_room_warning(40 * 1000, 0.0);
  REQUIRE(nearly_full);
  CHECK_THAT(*nearly_full, Contains("less than a minute") && Contains("(40 KB free)"));
  const auto full = history_room_warning(0, 1.0);
  REQUIRE(full);
  CHECK_THAT(*full, Contains("(under 1 KB free)"));
}
