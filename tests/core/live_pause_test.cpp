// Pausing holds the click at a bar line; resuming starts that bar afresh, in closed form.
#include <limits>

#include <catch2/catch.hpp>

#include "core/live_schedule.hpp"

using namespace pocket;

namespace {
void advance(LiveSchedule& s, int clicks) {
  for (int i = 0; i < clicks; ++i) s.advance();
}
}  // namespace

TEST_CASE("a pause holds at the next bar line and a resume restarts that bar at the given time",
          "[live]") {
  // 120 BPM in 4/4 at 48 kHz: a beat is 24000 frames, a bar 96000.
  LiveSchedule live(Meter{4, 4}, 120.0, ClickPattern{}, 48000.0, -1);
  advance(live, 2);           // bar 0, beat 2
  CHECK(live.pause(0) == 1);  // bar 0 is under way: the hold moves to the next bar line
  advance(live, 1);
  CHECK(live.current().bar == 0);
  CHECK(live.current().beat == 3);
  CHECK_FALSE(live.holding());
  advance(live, 1);
  REQUIRE(live.holding());
  CHECK_FALSE(live.done());
  CHECK(live.current().bar == 1);
  CHECK_FALSE(live.current().audible);
  CHECK(live.current().frame == std::numeric_limits<std::int64_t>::max());
  CHECK(live.seconds_at(1, 0.0) == 2.0);  // where bar 1 would have sounded

  const std::int64_t before = live.sections_started();
  live.resume(10.0);  // ten seconds into the stream
  CHECK_FALSE(live.holding());
  CHECK(live.sections_started() == before + 1);
  CHECK(live.section().first_bar == 1);
  CHECK(live.current().bar == 1);
  CHECK(live.current().frame == 480000);
  advance(live, 4);  // bar 2 follows bar 1 one bar later, exactly
  CHECK(live.current().bar == 2);
  CHECK(live.current().frame == 480000 + 96000);
}

TEST_CASE("a tempo change waiting at a held bar line starts with the resume", "[live]") {
  LiveSchedule live(Meter{4, 4}, 120.0, ClickPattern{}, 48000.0, -1);
  advance(live, 1);
  live.change_tempo(1, 60.0);
  live.pause(1);
  advance(live, 3);
  REQUIRE(live.holding());
  live.resume(5.0);
  CHECK(live.section().bpm == 60.0);
  CHECK(live.current().frame == 240000);
  advance(live, 1);
  CHECK(live.current().frame == 240000 + 48000);  // a beat at 60 BPM
}

TEST_CASE("a resume before the bar line calls the pause off", "[live]") {
  LiveSchedule live(Meter{4, 4}, 120.0, ClickPattern{}, 48000.0, -1);
  live.pause(2);
  live.resume(99.0);
  advance(live, 8);
  CHECK_FALSE(live.holding());
  CHECK(live.current().bar == 2);
  CHECK(live.current().frame == 2 * 96000);  // on time: nothing moved
}

TEST_CASE("ending while held ends at the held bar line", "[live]") {
  LiveSchedule live(Meter{4, 4}, 120.0, ClickPattern{}, 48000.0, -1);
  live.pause(1);
  advance(live, 4);
  REQUIRE(live.holding());
  live.finish_after_current_bar();
  CHECK(live.done());
}

// --start-on-hit: the click holds at the count-in's first bar line before it plays anything,
// and the hit's resume starts the count-in there, to the frame.
TEST_CASE("a click held from its first bar line plays nothing until its count-in starts",
          "[live][start-on-hit]") {
  ClickPattern pattern;
  pattern.count_in_bars = 1;
  LiveSchedule live(Meter{4, 4}, 120.0, pattern, 48000.0, 8);
  CHECK(live.pause(live.first_bar()) == -1);
  REQUIRE(live.holding());
  CHECK_FALSE(live.current().audible);
  CHECK(live.current().frame == std::numeric_limits<std::int64_t>::max());

  live.resume(3.25);  // a beat after a hit at 2.75 s
  CHECK(live.current().bar == -1);
  CHECK(live.current().beat == 0);
  CHECK(live.current().audible);
  CHECK(live.current().frame == 156000);
  advance(live, 4);  // bar 0 follows a bar of count-in later, in closed form
  CHECK(live.current().bar == 0);
  CHECK(live.current().frame == 156000 + 96000);
}
