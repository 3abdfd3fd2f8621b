// Swing: the warp of a pair, a swung grid, a swung click, and the swing read back from strokes.
#include <vector>

#include <catch2/catch.hpp>

#include "core/analysis.hpp"
#include "core/live_schedule.hpp"
#include "core/live_scorer.hpp"
#include "core/schedule.hpp"
#include "core/swing.hpp"

using namespace pocket;

namespace {

const std::vector<std::string> kSwingPads = {"kick", "snare", "hihat"};
constexpr int kHatPad = 2;

Swing swung_eighths(double percent) { return {percent, 8}; }

}  // namespace

TEST_CASE("a swung pair moves its off-beat and keeps its on-beats", "[swing]") {
  const Swing s = swung_eighths(60.0);
  CHECK(s.warp(0.0) == 0.0);
  CHECK(s.warp(1.0 / 8) == Approx(0.6 / 4));         // the off-beat 8th at 60 % of the quarter
  CHECK(s.warp(2.0 / 8) == Approx(1.0 / 4));         // the next beat stays
  CHECK(s.warp(3.0 / 8) == Approx(1.0 / 4 + 0.15));  // in every pair
  CHECK(s.warp(1.0 / 16) == Approx(0.3 / 4));        // halfway to the off-beat: stretched
  CHECK(s.warp(3.0 / 16) == Approx(0.8 / 4));        // halfway after it: shrunk
  const Swing triplet{200.0 / 3.0, 16};
  CHECK(triplet.warp(1.0 / 16) == Approx(2.0 / 3.0 / 8));  // the last 16th triplet
  CHECK(Swing{}.warp(0.3) == 0.3);
}

TEST_CASE("swing takes the grid's finest pair and refuses what cannot swing", "[swing]") {
  CHECK(resolve_swing({58.0, 0}, 16).unit == 16);
  CHECK(resolve_swing({58.0, 0}, 8).unit == 8);
  CHECK(resolve_swing({58.0, 0}, 24).unit == 8);
  CHECK(resolve_swing({58.0, 8}, 16).unit == 8);
  CHECK(resolve_swing({50.0, 0}, 12).unit == 8);  // straight fits any grid
  CHECK_THROWS_WITH(resolve_swing({80.0, 0}, 16), Catch::Contains("50 (straight) to 75"));
  CHECK_THROWS_WITH(resolve_swing({49.0, 0}, 16), Catch::Contains("out of range"));
  CHECK_THROWS_WITH(resolve_swing({60.0, 0}, 12), Catch::Contains("a grid of 12 has no 8th"));
  CHECK_THROWS_WITH(resolve_swing({60.0, 16}, 8), Catch::Contains("a grid of 8 has no 16th"));
  CHECK_THROWS_WITH(resolve_swing({60.0, 4}, 16), Catch::Contains("swing 8ths or 16ths"));
}

TEST_CASE("a swung grid places its off-beats late and still finds the nearest slot", "[swing]") {
  // 120 BPM: a quarter is 0.5 s, a straight 8th 0.25 s; at 75 % the off-beat is at 0.375 s.
  const Grid grid = Grid::constant(120.0, {4, 4}, 8, 1.0, swung_eighths(75.0));
  CHECK(grid.seconds_of(0) == Approx(1.0));
  CHECK(grid.seconds_of(1) == Approx(1.375));
  CHECK(grid.seconds_of(2) == Approx(1.5));
  CHECK(grid.seconds_of(9) == Approx(3.375));   // bar 1
  CHECK(grid.seconds_of(-1) == Approx(0.875));  // the count-in swings too
  CHECK(grid.slot_seconds(1) == Approx(0.25));
  CHECK(grid.nearest_slot(1.18) == 0);  // 0.18 s after the beat, 0.195 s before the off-beat
  CHECK(grid.nearest_slot(1.3) == 1);
  CHECK(grid.nearest_slot(1.45) == 2);    // 0.075 s after the off-beat, 0.05 before the beat
  CHECK(grid.nearest_slot(1.4375) == 2);  // half-way belongs to the later slot
}

TEST_CASE("a swung grid keeps a tempo map's bar lines", "[swing]") {
  // 120 BPM for a bar, then 60 BPM: a 16th grid swung 60 % on 8ths.
  const Grid grid({{0.0, 0.0, 0.125}, {16.0, 2.0, 0.25}}, {4, 4}, 16, swung_eighths(60.0));
  CHECK(grid.seconds_of(16) == Approx(2.0));
  CHECK(grid.seconds_of(2) == Approx(0.3));   // the off-beat 8th at 120 BPM
  CHECK(grid.seconds_of(18) == Approx(2.6));  // and at 60 BPM
  CHECK(grid.seconds_of(1) == Approx(0.15));  // a 16th inside the long half of the pair
  CHECK(grid.seconds_of(3) == Approx(0.4));   // and inside the short half
}

TEST_CASE("the click's subdivisions swing to the frame, live and rendered alike", "[swing]") {
  ClickPattern pattern;
  pattern.subdivision = 2;
  pattern.count_in_bars = 1;
  // 100 BPM at 48 kHz: a beat is 28800 frames; at 62 % its off-beat is 17856 frames after it.
  LiveSchedule live(Meter{4, 4}, 100.0, pattern, 48000.0, 2, swung_eighths(62.0));
  const Schedule fixed(TempoMap({{{4, 4}, 2, 100.0, 100.0}}), pattern, 48000.0, swung_eighths(62.0));
  std::int64_t n = 0;
  for (Schedule::Cursor c(fixed); !c.done(); c.advance(), live.advance(), ++n) {
    REQUIRE_FALSE(live.done());
    const ClickEvent& e = c.current();
    const std::int64_t beat_frame = (e.bar + 1) * 4 * 28800 + e.beat * 28800;
    CHECK(e.frame == beat_frame + (e.subdivision == 1 ? 17856 : 0));
    CHECK(live.current().frame == e.frame);
  }
  CHECK(n == 3 * 8);
}

TEST_CASE("the swing a player played is read from pairs of one pad", "[swing]") {
  // 8ths on the hi-hat at 100 BPM swung 61 %, and a kick on each beat (no pairs of its own).
  const Grid straight = Grid::constant(100.0, {4, 4}, 8);
  std::vector<Stroke> strokes;
  const double beat = 0.6;
  for (int b = 0; b < 16; ++b) {
    strokes.push_back({b * beat, kHatPad, 90});
    strokes.push_back({b * beat + 0.61 * beat, kHatPad, 70});
    strokes.push_back({b * beat + 0.002, 0, 100});
  }
  const Analysis a =
      analyze(strokes, Grid::constant(100.0, {4, 4}, 8, 0.0, swung_eighths(58.0)), kSwingPads);
  REQUIRE(a.swing);
  CHECK(a.swing->unit == 8);
  CHECK(a.swing->pooled.pairs == 15);  // the last on-beat has no next one
  CHECK(a.swing->pooled.percent == Approx(61.0));
  REQUIRE(a.swing->pads.size() == 1);
  CHECK(a.swing->pads[0].pad == "hihat");
  CHECK(a.swing_asked.percent == 58.0);
  // Against a 58 % grid the off-beats sit 1.8 ms late ((61 - 58) % of a 0.6 s beat).
  const PadTiming* hihat = a.pad("hihat");
  REQUIRE(hihat);
  CHECK(hihat->stats.hits == 32);

  // Read the same on a straight grid: the player's swing does not depend on the one asked.
  const Analysis on_straight = analyze(strokes, straight, kSwingPads);
  REQUIRE(on_straight.swing);
  CHECK(on_straight.swing->pooled.percent == Approx(61.0));
  CHECK(on_straight.swing_asked.active() == false);
}

TEST_CASE("no swing is read where no pad played both halves of a pair", "[swing]") {
  std::vector<Stroke> quarters;
  for (int b = 0; b < 8; ++b) quarters.push_back({b * 0.5, kHatPad, 90});
  CHECK_FALSE(analyze(quarters, Grid::constant(120.0, {4, 4}, 8), kSwingPads).swing);
  CHECK_FALSE(analyze(quarters, Grid::constant(120.0, {4, 4}, 12), kSwingPads).swing);
}

TEST_CASE("a pad's feel moves where its strokes are scored from", "[swing]") {
  // The snare laid back 10 ms and played 12 ms late: 2 ms against its intention.
  std::vector<Stroke> strokes;
  for (int b = 0; b < 8; ++b) {
    strokes.push_back({b * 0.5 + 0.012, 1, 100});
    strokes.push_back({b * 0.5 - 0.003, kHatPad, 80});
  }
  AnalysisOptions options;
  options.feel.ms_by_pad = {0.0, 10.0, -5.0};
  const Analysis a = analyze(strokes, Grid::constant(120.0, {4, 4}, 4), kSwingPads, 0, options);
  REQUIRE(a.pad("snare"));
  CHECK(a.pad("snare")->stats.mean_offset_ms == Approx(2.0));
  CHECK(a.pad("hihat")->stats.mean_offset_ms == Approx(2.0));  // pushed 5 ms, played 3 ms early
  CHECK(a.feel.at("snare") == 10.0);
  CHECK(a.feel.at("hihat") == -5.0);
  CHECK(a.strokes.front().stroke.seconds == Approx(-0.003));  // the stroke keeps its real time

  // The live scorer scores the same way.
  const ExpectedStrokes plain;
  LiveScorer live(Meter{4, 4}, 4, kSwingPads, plain, {}, options.feel);
  live.add_section(0, 0.0, 120.0);
  const auto scored = live.add_stroke({1.0 + 0.012, 1, 100});
  REQUIRE(scored);
  CHECK(scored->slot == 2);
  CHECK(scored->offset_ms == Approx(2.0));
}

TEST_CASE("a laid-back pad is not taken for the next slot", "[swing]") {
  // 16ths at 120 BPM are 125 ms apart: a snare meant 40 ms late and played 70 ms late is 30 ms
  // behind its own slot, though the next slot is nearer in raw time.
  AnalysisOptions options;
  options.feel.ms_by_pad = {0.0, 40.0};
  const Analysis a =
      analyze({{0.5 + 0.070, 1, 100}}, Grid::constant(120.0, {4, 4}, 16), kSwingPads, 0, options);
  REQUIRE(a.strokes.size() == 1);
  CHECK(a.strokes[0].slot == 4);
  CHECK(a.strokes[0].offset_ms == Approx(30.0));
}
