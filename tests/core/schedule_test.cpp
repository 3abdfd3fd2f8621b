#include <vector>

#include <catch2/catch.hpp>

#include "core/schedule.hpp"

using namespace pocket;

namespace {

std::vector<ClickEvent> all_clicks(const Schedule& schedule) {
  std::vector<ClickEvent> clicks;
  for (Schedule::Cursor cursor(schedule); !cursor.done(); cursor.advance()) {
    clicks.push_back(cursor.current());
  }
  return clicks;
}

Schedule constant(Meter meter, std::int64_t bars, double bpm, ClickPattern pattern = {}) {
  return Schedule(TempoMap({{meter, bars, bpm, bpm}}), std::move(pattern), 48000.0);
}

}  // namespace

TEST_CASE("the downbeat is accented, other beats are plain", "[schedule]") {
  const auto clicks = all_clicks(constant({4, 4}, 2, 120.0));
  REQUIRE(clicks.size() == 8);
  for (const ClickEvent& click : clicks) {
    CHECK(click.level == (click.beat == 0 ? ClickLevel::accent : ClickLevel::beat));
    CHECK(click.audible);
    CHECK(click.frame == (click.bar * 4 + click.beat) * 24000);
  }
}

TEST_CASE("subdivisions fall evenly between beats at a lower level", "[schedule]") {
  ClickPattern pattern;
  pattern.subdivision = 3;
  const auto clicks = all_clicks(constant({4, 4}, 1, 120.0, pattern));
  REQUIRE(clicks.size() == 12);
  CHECK(clicks[1].frame == 8000);
  CHECK(clicks[2].frame == 16000);
  CHECK(clicks[3].frame == 24000);
  CHECK(clicks[1].level == ClickLevel::subdivision);
  CHECK(clicks[3].level == ClickLevel::beat);
}

TEST_CASE("odd and compound meters count their own beats", "[schedule]") {
  CHECK(all_clicks(constant({7, 8}, 3, 200.0)).size() == 21);
  CHECK(all_clicks(constant({5, 4}, 2, 90.0)).size() == 10);
  ClickPattern pattern;
  pattern.accents = "X..x..";
  const auto clicks = all_clicks(constant({6, 8}, 1, 180.0, pattern));
  REQUIRE(clicks.size() == 6);
  CHECK(clicks[0].level == ClickLevel::accent);
  CHECK_FALSE(clicks[1].audible);
  CHECK(clicks[3].audible);
  CHECK(clicks[3].level == ClickLevel::beat);
  // 6/8 at 180: eighth notes a third of a second apart.
  CHECK(clicks[3].frame == 48000);
}

TEST_CASE("gap bars are muted after the count-in, in a repeating cycle", "[schedule]") {
  ClickPattern pattern;
  pattern.gap = {2, 1};
  pattern.count_in_bars = 1;
  const Schedule schedule = constant({4, 4}, 6, 120.0, pattern);
  CHECK(schedule.first_bar() == -1);
  CHECK_FALSE(schedule.is_muted(-1));
  CHECK_FALSE(schedule.is_muted(0));
  CHECK_FALSE(schedule.is_muted(1));
  CHECK(schedule.is_muted(2));
  CHECK_FALSE(schedule.is_muted(3));
  CHECK(schedule.is_muted(5));
  const auto clicks = all_clicks(schedule);
  REQUIRE(clicks.size() == 28);
  CHECK(clicks.front().bar == -1);
  CHECK(clicks.front().frame == 0);
  CHECK(clicks[4].bar == 0);
  CHECK(clicks[4].frame == 4 * 24000);
  for (const ClickEvent& click : clicks) CHECK(click.audible == !schedule.is_muted(click.bar));
}

TEST_CASE("the count-in plays at the ramp's first tempo", "[schedule]") {
  ClickPattern pattern;
  pattern.count_in_bars = 2;
  const Schedule schedule(TempoMap({{{4, 4}, 8, 100.0, 140.0}}), pattern, 48000.0);
  CHECK(schedule.frame_at(0, 0.0) == 8 * 28800);
  CHECK(schedule.tempo_map().bpm_at(0, 0.0) == Approx(100.0));
  CHECK(schedule.tempo_map().bpm_at(2, 0.0) == Approx(100.0));
  CHECK(schedule.tempo_map().bpm_at(10, 0.0) == Approx(140.0));
}

TEST_CASE("a bad pattern is refused with the reason", "[schedule]") {
  using Catch::Contains;
  const TempoMap map({{{4, 4}, 1, 120.0, 120.0}});
  ClickPattern pattern;
  pattern.subdivision = 7;
  CHECK_THROWS_WITH(Schedule(map, pattern, 48000.0), Contains("subdivision 7"));
  pattern = {};
  pattern.accents = "Xxx";
  CHECK_THROWS_WITH(Schedule(map, pattern, 48000.0), Contains("3 marks but the bar has 4 beats"));
  pattern.accents = "Xxyx";
  CHECK_THROWS_WITH(Schedule(map, pattern, 48000.0), Contains("may only hold"));
  pattern = {};
  pattern.count_in_bars = -1;
  CHECK_THROWS_WITH(Schedule(map, pattern, 48000.0), Contains("count-in"));
  CHECK_THROWS_WITH(Schedule(map, ClickPattern{}, 0.0), Contains("sample rate"));
  CHECK_THROWS_WITH(parse_gap("4"), Contains("PLAY:MUTE"));
  CHECK_THROWS_WITH(parse_gap("0:4"), Contains("PLAY:MUTE"));
  CHECK(parse_gap("4:2").play_bars == 4);
  CHECK(parse_gap("4:2").mute_bars == 2);
}
