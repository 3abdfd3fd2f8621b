// Telling, from the frame times a callback reads, the cycles it missed and the ones it ran late.
#include <vector>

#include <catch2/catch.hpp>

#include "audio/cycle_watch.hpp"

using pocket::CycleWatch;
using pocket::LateCycle;

namespace {

constexpr std::uint32_t kPeriod = 128;

// Feeds the readings (one callback each, the track advancing a period per callback) and returns
// what the watch told.
std::vector<LateCycle> watch(const std::vector<std::uint32_t>& readings) {
  CycleWatch w;
  std::vector<LateCycle> told;
  std::int64_t track = 0;
  for (const std::uint32_t r : readings) {
    if (const auto late = w.next(r, kPeriod, track)) told.push_back(*late);
    track += kPeriod;
  }
  return told;
}

}  // namespace

TEST_CASE("cycles on time tell nothing", "[cycle_watch]") {
  CHECK(watch({1000, 1128, 1256, 1384, 1512}).empty());
}

TEST_CASE("a cycle the server ran without the callback is told with the one after it",
          "[cycle_watch]") {
  // The cycle at 1256 never ran: the callback of 1384 followed two periods after 1128.
  const auto told = watch({1000, 1128, 1384, 1512, 1640});
  REQUIRE(told.size() == 1);
  CHECK(told[0].server_frame == 1384);
  CHECK(told[0].track_frame == 2 * kPeriod);
  CHECK(told[0].missed_cycles == 1);
  CHECK_FALSE(told[0].late);
}

TEST_CASE("a callback that ran late read the next cycle's time, which then stands still",
          "[cycle_watch]") {
  // The cycle at 1256 ran when 1384 had begun, and read it; the next callback read it again.
  const auto told = watch({1000, 1128, 1384, 1384, 1512});
  REQUIRE(told.size() == 1);
  CHECK(told[0].server_frame == 1256);  // put right
  CHECK(told[0].track_frame == 2 * kPeriod);
  CHECK(told[0].missed_cycles == 0);
  CHECK(told[0].late);
}

TEST_CASE("three cycles missed at once, and the frame clock wrapping at 32 bits", "[cycle_watch]") {
  const std::uint32_t near_end = 0xffffffffu - 200;
  const auto told =
      watch({near_end, near_end + 128, near_end + 128 + 4 * 128, near_end + 128 + 5 * 128});
  REQUIRE(told.size() == 1);
  CHECK(told[0].server_frame == near_end + 128 + 4 * 128);
  CHECK(told[0].missed_cycles == 3);
}

TEST_CASE("a period that changes is no missed cycle, and a cycle missed after it is told",
          "[cycle_watch]") {
  // PipeWire's graph goes from 1024 frames a cycle to 128 as a client asks for it.
  CycleWatch w;
  std::vector<LateCycle> told;
  std::int64_t track = 0;
  const std::vector<std::pair<std::uint32_t, std::uint32_t>> cycles = {
      {0, 1024}, {1024, 1024}, {2048, 128}, {2176, 128}, {2304, 128}, {2560, 128}, {2688, 128}};
  for (const auto& [reading, frames] : cycles) {
    if (const auto late = w.next(reading, frames, track)) told.push_back(*late);
    track += frames;
  }
  // Only the cycle at 2432, which the server ran without the callback.
  REQUIRE(told.size() == 1);
  CHECK(told[0].server_frame == 2560);
  CHECK(told[0].missed_cycles == 1);
  CHECK_FALSE(told[0].late);
}

TEST_CASE("the last callback is told only once another follows", "[cycle_watch]") {
  CHECK(watch({1000, 1128, 1512}).empty());
}

TEST_CASE("the track's frame now goes at most a period past the last cycle", "[cycle_watch]") {
  using pocket::track_frame_now;
  CHECK(track_frame_now(4096, 1000, 1050, kPeriod) == 4146);  // within the cycle
  CHECK(track_frame_now(4096, 1128, 1100, kPeriod) == 4096);  // read late: never back
  // The server's estimate ten seconds ahead while the callback missed its cycles.
  CHECK(track_frame_now(4096, 1000, 1000 + 480000, kPeriod) == 4096 + kPeriod);
  CHECK(track_frame_now(4096, 0xFFFFFFF0u, 0x10u, kPeriod) == 4096 + 0x20);  // across the wrap
}
