// A groove's notes become a drill's pattern: snapped to the grid, or kept where the recorded
// drummer placed them; its tempo and length follow the settings.
#include <catch2/catch.hpp>

#include "core/analysis.hpp"
#include "core/drill.hpp"
#include "core/groove.hpp"

using namespace pocket;

namespace {

// Two bars of 4/4 at 96 BPM: kick on 1 (its second bar's a 32nd early: played before the bar
// line) and a snare 12 ms of a sixteenth late on 2 of each bar, and a flam on 4 of the first.
Groove two_bars() {
  Groove g;
  g.name = "beat";
  g.pad_names = {"kick", "snare", "hihat"};
  g.bars = {{4, 4}, {4, 4}};
  g.quarter_bpm = 96.0;
  const double sixteenth = 1.0 / 16.0;
  g.notes = {{0, 0.0, 100},
             {1, 0.25 + 0.2 * sixteenth, 90},
             {1, 0.75, 80},
             {1, 0.75 + 0.1 * sixteenth, 60},  // the flam's second note: the same slot
             {1, 1.25 + 0.2 * sixteenth, 90},
             {0, 2.0 - 0.4 * sixteenth, 100}};  // the loop's first downbeat, early
  return g;
}

Drill with_groove(GrooveSettings settings) {
  Drill d;
  d.groove = std::move(settings);
  return d;
}

}  // namespace

TEST_CASE("a groove's notes snap to the sixteenth grid over its bars", "[groove]") {
  Drill d = with_groove({.tempo_percent = 100.0});
  play_groove(d, two_bars());
  CHECK(d.grid == 16);
  CHECK(to_string(d.meters) == "4/4,4/4");
  CHECK(d.bpm == 96.0);
  CHECK(d.bars == -1);  // looped until stopped
  REQUIRE(d.pattern.size() == 2);
  CHECK(d.pattern[0].pad == "kick");
  // The early downbeat at the end comes round to the first bar's 1, which it already has.
  CHECK(d.pattern[0].marks == "x...............................");
  CHECK(d.pattern[1].pad == "snare");
  CHECK(d.pattern[1].marks == "....x.......x.......x...........");
  CHECK(d.placements.empty());
  validate(d);
}

TEST_CASE("the performance target keeps each note's distance from its slot", "[groove]") {
  Drill d = with_groove({.target = GrooveTarget::performance, .tempo_percent = 50.0});
  play_groove(d, two_bars());
  CHECK(d.bpm == 48.0);
  CHECK(d.placements.at({"snare", 4}) == Approx(0.2));
  CHECK(d.placements.at({"snare", 20}) == Approx(0.2));
  CHECK(d.placements.at({"snare", 12}) == Approx(0.0));  // the flam's first note counts
  CHECK(d.placements.at({"kick", 0}) == Approx(0.0));

  // Strokes where the drummer played are on time; strokes on the grid are early by the
  // placement, a fifth of a sixteenth at 48 BPM: 62.5 ms.
  const std::vector<std::string> pads = {"kick", "snare", "hihat"};
  const Grid grid = Grid::constant(d.bpm, d.meters, d.grid);
  const ExpectedStrokes expected = expected_strokes(d, pads);
  AnalysisOptions options;
  options.expected = &expected;
  options.feel = feel_of(d, pads);
  const double slot = grid.slot_seconds(0);
  const Analysis as_played =
      analyze({{grid.seconds_of(4) + 0.2 * slot, 1, 90}, {grid.seconds_of(20) + 0.2 * slot, 1, 90}},
              grid, pads, 0, options);
  for (const ScoredStroke& s : as_played.strokes) CHECK(s.offset_ms == Approx(0.0).margin(1e-9));
  const Analysis on_grid = analyze({{grid.seconds_of(4), 1, 90}}, grid, pads, 0, options);
  CHECK(on_grid.strokes[0].offset_ms == Approx(-62.5));
}

TEST_CASE("a groove played once sets the drill's length, and ladders climb in shares of it",
          "[groove]") {
  Drill once = with_groove({.loop = false, .tempo_percent = 80.0});
  play_groove(once, two_bars());
  CHECK(once.bars == 2);
  CHECK(once.bpm == Approx(76.8));

  Drill ladder = with_groove({.from_percent = 75.0, .to_percent = 100.0});
  ladder.ladder = LadderConfig{};
  ladder.ladder->target_bpm = 200.0;
  play_groove(ladder, two_bars());
  CHECK(ladder.ladder->start_bpm == 72.0);
  CHECK(ladder.ladder->target_bpm == 96.0);
}

TEST_CASE("a groove swung by its drill snaps its off-beats to the swung slots", "[groove]") {
  Groove g = two_bars();
  // Eighths swung at 60 %: the off-beat at 60 % of its quarter note.
  g.notes = {{2, 0.0, 80}, {2, 0.6 * 0.25, 80}};
  Drill d = with_groove({.tempo_percent = 100.0});
  d.grid = 8;
  d.swing = {60.0, 8};
  play_groove(d, g);
  CHECK(d.pattern[0].marks == "xx..............");
}

TEST_CASE("a groove without notes or with a bad share is refused", "[groove]") {
  Groove empty = two_bars();
  empty.notes.clear();
  Drill d = with_groove({});
  CHECK_THROWS_WITH(play_groove(d, empty), Catch::Contains("no note"));
  CHECK(parse_tempo_percent("80%") == 80.0);
  CHECK_THROWS_WITH(parse_tempo_percent("80"), Catch::Contains("like 80%"));
  CHECK_THROWS_WITH(parse_tempo_percent("5%"), Catch::Contains("10% to 400%"));
}
