#include <cmath>
#include <vector>

#include <catch2/catch.hpp>

#include "core/grid.hpp"
#include "core/live_schedule.hpp"
#include "core/schedule.hpp"

using namespace pocket;

TEST_CASE("a meter cycle repeats its meters from bar 0, the count-in in the first", "[meters]") {
  const MeterCycle cycle = parse_meter_cycle("7/8,4/4");
  CHECK(to_string(cycle) == "7/8,4/4");
  CHECK(cycle.size() == 2);
  CHECK(cycle.tempo_unit() == 8);
  CHECK(cycle.meter_of(0) == Meter{7, 8});
  CHECK(cycle.meter_of(1) == Meter{4, 4});
  CHECK(cycle.meter_of(4) == Meter{7, 8});
  CHECK(cycle.meter_of(-1) == Meter{7, 8});
  CHECK(cycle.wholes_before(0) == 0.0);
  CHECK(cycle.wholes_before(1) == 0.875);
  CHECK(cycle.wholes_before(2) == 1.875);
  CHECK(cycle.wholes_before(5) == 2 * 1.875 + 0.875);
  CHECK(cycle.wholes_before(-2) == -1.75);
  CHECK(to_string(parse_meter_cycle("4/4")) == "4/4");
  CHECK_THROWS_WITH(parse_meter_cycle("7/8,"), Catch::Contains("BEATS/UNIT"));
  CHECK_THROWS(parse_meter_cycle("7/8,4/3"));
}

TEST_CASE("a grid over a meter cycle knows each bar's slots and positions", "[meters][grid]") {
  // Eighths: 7 slots in the 7/8 bar, 8 in the 4/4 bar, 15 positions in the cycle.
  const Grid grid = Grid::constant(160.0, parse_meter_cycle("7/8,4/4"), 8);
  CHECK(grid.positions() == 15);
  CHECK(grid.slots_in_bar(0) == 7);
  CHECK(grid.slots_in_bar(1) == 8);
  CHECK(grid.slots_in_bar(-1) == 7);
  CHECK(grid.first_slot_of_bar(1) == 7);
  CHECK(grid.first_slot_of_bar(2) == 15);
  CHECK(grid.first_slot_of_bar(3) == 22);
  CHECK(grid.first_slot_of_bar(-1) == -7);
  CHECK(grid.bar_of(6) == 0);
  CHECK(grid.bar_of(7) == 1);
  CHECK(grid.bar_of(14) == 1);
  CHECK(grid.bar_of(15) == 2);
  CHECK(grid.bar_of(-1) == -1);
  CHECK(grid.position_of(22) == 7);
  CHECK(grid.position_of(-1) == 6);
  CHECK(grid.starts_bar(7));
  CHECK_FALSE(grid.starts_bar(8));
  CHECK(grid.position_label(0) == "1:1");
  CHECK(grid.position_label(6) == "1:7");
  CHECK(grid.position_label(7) == "2:1");
  CHECK(grid.position_label(8) == "2:1&");
  CHECK(grid.on_beat(8) == false);
  CHECK(grid.on_beat(9));
  // An eighth lasts the same in both bars: 160 eighths a minute.
  CHECK(grid.seconds_of(15) == Approx(15 * 60.0 / 160.0));
  CHECK_THROWS_WITH(Grid::constant(100.0, parse_meter_cycle("4/4,7/8"), 4),
                    Catch::Contains("does not divide a bar of 7/8"));
}

TEST_CASE("the live click over a meter cycle is exact to the frame", "[meters][live]") {
  // 7/8 then 4/4 at 160 eighths a minute is the fixed schedule of alternating sections at
  // 160 (7/8, counting eighths) and 80 (4/4, counting quarters).
  ClickPattern pattern;
  pattern.accents = "XxXxXxx|Xxxx";
  pattern.count_in_bars = 1;
  constexpr int kBars = 400;
  LiveSchedule live(parse_meter_cycle("7/8,4/4"), 160.0, pattern, 48000.0, kBars);
  std::vector<TempoSection> sections;
  for (int bar = 0; bar < kBars; ++bar) {
    if (bar % 2 == 0)
      sections.push_back({{7, 8}, 1, 160.0, 160.0});
    else
      sections.push_back({{4, 4}, 1, 80.0, 80.0});
  }
  ClickPattern fixed = pattern;
  fixed.accents.clear();
  const Schedule schedule(TempoMap(sections), fixed, 48000.0);
  Schedule::Cursor cursor(schedule);
  std::int64_t clicks = 0, worst = 0;
  int accents = 0;
  for (; !live.done() && !cursor.done(); live.advance(), cursor.advance(), ++clicks) {
    worst = std::max(worst, std::abs(live.current().frame - cursor.current().frame));
    CHECK(live.current().bar == cursor.current().bar);
    accents += live.current().level == ClickLevel::accent;
  }
  CHECK(live.done());
  CHECK(cursor.done());
  CHECK(clicks == 7 + kBars / 2 * (7 + 4));
  CHECK(worst == 0);
  CHECK(accents == 3 + kBars / 2 * (3 + 1));  // count-in 7/8, then X.X.X.. and X...
}

TEST_CASE("a song's meters hold from their bar lines, the last to the end", "[meters]") {
  // Eight bars of 4/4, one of 2/4, then 4/4 again: a song's run of meters, not a cycle.
  const MeterCycle song = parse_meter_cycle("4/4,2/4@9,4/4@10");
  CHECK(to_string(song) == "4/4,2/4@9,4/4@10");
  CHECK(song.size() == 2);  // the meters it plays, each once
  CHECK(song.runs().size() == 3);
  CHECK(song.meter_of(7) == Meter{4, 4});
  CHECK(song.meter_of(8) == Meter{2, 4});
  CHECK(song.meter_of(9) == Meter{4, 4});
  CHECK(song.meter_of(500) == Meter{4, 4});
  CHECK(song.meter_of(-1) == Meter{4, 4});
  CHECK(song.wholes_before(8) == 8.0);
  CHECK(song.wholes_before(9) == 8.5);
  CHECK(song.wholes_before(12) == 11.5);
  CHECK(song.wholes_before(-2) == -2.0);
  // A song in one meter is the plain cycle of it.
  CHECK(MeterCycle::of_song({{0, {3, 4}}}) == MeterCycle(Meter{3, 4}));
  CHECK_THROWS_WITH(parse_meter_cycle("4/4,3/4@9,6/8"), Catch::Contains("3/4@9"));
  CHECK_THROWS_WITH(parse_meter_cycle("4/4,3/4@9,4/4@5"), Catch::Contains("bar 5 after bar 9"));
  CHECK_THROWS_WITH(parse_meter_cycle("4/4,3/4@x"), Catch::Contains("after '@'"));
  CHECK_THROWS_WITH(parse_meter_cycle("4/4,4/4@3"), Catch::Contains("4/4 already"));
}

TEST_CASE("a grid over a song's meters counts positions in each bar's meter", "[meters][grid]") {
  // Eighths: bars 0 to 7 of 8 slots, bar 8 of 4, then 8 again.
  const Grid grid = Grid::constant(120.0, parse_meter_cycle("4/4,2/4@9,4/4@10"), 8);
  CHECK(grid.positions() == 12);  // the 4/4 bar's eight and the 2/4 bar's four
  CHECK(grid.slots_in_bar(8) == 4);
  CHECK(grid.first_slot_of_bar(8) == 64);
  CHECK(grid.first_slot_of_bar(9) == 68);
  CHECK(grid.first_slot_of_bar(11) == 84);
  CHECK(grid.bar_of(63) == 7);
  CHECK(grid.bar_of(64) == 8);
  CHECK(grid.bar_of(67) == 8);
  CHECK(grid.bar_of(68) == 9);
  CHECK(grid.bar_of(84) == 11);
  CHECK(grid.position_of(66) == 10);  // the 2/4 bar's third eighth
  CHECK(grid.position_of(68) == 0);
  CHECK(grid.position_of(71) == 3);
  CHECK(grid.position_label(3) == "4/4:2&");
  CHECK(grid.position_label(10) == "2/4:2");
  CHECK(grid.starts_bar(8));
  // A quarter lasts half a second throughout: bar 11 starts 10.5 wholes in.
  CHECK(grid.seconds_of(84) == Approx(10.5 * 2.0));
}

TEST_CASE("the live click over a song's meters is exact to the frame", "[meters][live]") {
  ClickPattern pattern;
  pattern.count_in_bars = 1;
  LiveSchedule live(parse_meter_cycle("4/4,3/4@3,4/4@4"), 120.0, pattern, 48000.0, 6);
  std::vector<long> bar_lines;  // frames of the accented clicks
  std::vector<int> beats_in_bar(7, 0);
  for (; !live.done(); live.advance()) {
    if (live.current().level == ClickLevel::accent) bar_lines.push_back(live.current().frame);
    ++beats_in_bar[static_cast<std::size_t>(live.current().bar + 1)];
  }
  CHECK(beats_in_bar == std::vector<int>{4, 4, 4, 3, 4, 4, 4});
  // 24000 frames a beat from the count-in's first click.
  CHECK(bar_lines == std::vector<long>{0, 96000, 192000, 288000, 360000, 456000, 552000});
}
