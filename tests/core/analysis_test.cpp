#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "core/analysis.hpp"

using namespace pocket;

namespace {

const std::vector<std::string> kPads = {"kick", "snare", "hihat"};
constexpr int kKick = 0, kSnare = 1, kHihat = 2;

// 120 BPM sixteenths: a slot every 125 ms.
const Grid kGrid = Grid::constant(120.0, {4, 4}, 16);

Stroke at(std::int64_t slot, double offset_ms, int pad) {
  return {slot * 0.125 + offset_ms / 1000.0, pad, 100};
}

}  // namespace

TEST_CASE("each stroke gets its offset from the nearest slot", "[analysis]") {
  const Analysis a =
      analyze({at(0, 5.0, kHihat), at(1, -3.0, kHihat), at(2, 10.0, kHihat)}, kGrid, kPads);
  REQUIRE(a.strokes.size() == 3);
  CHECK(a.strokes[0].slot == 0);
  CHECK(a.strokes[0].offset_ms == Approx(5.0));
  CHECK(a.strokes[1].offset_ms == Approx(-3.0));
  CHECK(a.strokes[2].slot == 2);
  CHECK(a.timing.hits == 3);
  CHECK(a.timing.mean_offset_ms == Approx(4.0));
  CHECK(a.missed == 0);
  CHECK(a.extra == 0);
}

TEST_CASE("limbs on the same slot are two hits, and their spread is a flam", "[analysis]") {
  const Analysis a =
      analyze({at(0, 2.0, kKick), at(0, 9.0, kHihat), at(4, -1.0, kSnare), at(4, 0.0, kHihat)},
              kGrid, kPads);
  CHECK(a.timing.hits == 4);
  CHECK(a.extra == 0);
  CHECK(a.flams.slots == 2);
  CHECK(a.flams.mean_spread_ms == Approx((7.0 + 1.0) / 2));
  CHECK(a.flams.max_spread_ms == Approx(7.0));
  // Slots 1, 2 and 3 between them were struck by nobody.
  CHECK(a.missed == 3);
}

TEST_CASE("a flam of three limbs spreads from the earliest to the latest", "[analysis]") {
  // Out of order within the slot, and a lone stroke before and after it.
  const Analysis a = analyze({at(0, 1.0, kHihat), at(1, 3.0, kSnare), at(1, -2.0, kKick),
                              at(1, 5.0, kHihat), at(2, 0.0, kHihat)},
                             kGrid, kPads);
  CHECK(a.timing.hits == 5);
  CHECK(a.flams.slots == 1);
  CHECK(a.flams.mean_spread_ms == Approx(7.0));
  CHECK(a.flams.max_spread_ms == Approx(7.0));
}

TEST_CASE("a second stroke of a pad on its slot is extra, and the closer one counts",
          "[analysis]") {
  const Analysis a =
      analyze({at(0, 20.0, kSnare), at(0, -4.0, kSnare), at(1, 0.0, kSnare)}, kGrid, kPads);
  CHECK(a.extra == 1);
  CHECK(a.timing.hits == 2);
  CHECK(a.timing.mean_offset_ms == Approx(-2.0));
  CHECK_FALSE(a.strokes[1].matched);  // +20 ms, sorted after -4 ms
  CHECK(a.strokes[0].matched);
}

TEST_CASE("strokes before the grid starts are extra", "[analysis]") {
  const Grid late_start = Grid::constant(120.0, {4, 4}, 16, 1.0);
  const Analysis a = analyze({{0.5, kKick, 90}, {1.0, kKick, 90}}, late_start, kPads);
  CHECK(a.extra == 1);
  CHECK(a.timing.hits == 1);
}

TEST_CASE("per pad and per position statistics keep the limbs apart", "[analysis]") {
  std::vector<Stroke> strokes;
  for (int bar = 0; bar < 4; ++bar) {
    for (int s = 0; s < 16; s += 2) strokes.push_back(at(bar * 16 + s, 0.0, kHihat));
    strokes.push_back(at(bar * 16, 8.0, kKick));
    strokes.push_back(at(bar * 16 + 8, 8.0, kKick));
    strokes.push_back(at(bar * 16 + 4, -6.0, kSnare));
    strokes.push_back(at(bar * 16 + 12, -6.0, kSnare));
  }
  const Analysis a = analyze(strokes, Grid::constant(120.0, {4, 4}, 8), kPads);
  REQUIRE(a.pads.size() == 3);
  CHECK(a.pad("kick")->stats.mean_offset_ms == Approx(8.0));
  CHECK(a.pad("snare")->stats.mean_offset_ms == Approx(-6.0));
  CHECK(a.pad("hihat")->stats.hits == 32);
  CHECK(a.pad("tom1") == nullptr);
  REQUIRE(a.positions.size() == 8);
  CHECK(a.positions[0].label == "1");
  CHECK(a.positions[0].stats.mean_offset_ms == Approx(4.0));  // hihat 0 and kick +8
  CHECK(a.positions[1].label == "1&");
  CHECK_FALSE(a.positions[1].on_beat);
  CHECK(a.missed == 0);
  REQUIRE(a.bars.size() == 4);
  CHECK(a.bars[2].tally.hits == 12);
}

TEST_CASE("unplayed slots between the first and last stroke are missed, bar by bar", "[analysis]") {
  std::vector<Stroke> strokes;
  for (int slot = 0; slot < 32; ++slot) {
    if (slot != 5 && slot != 20 && slot != 21) strokes.push_back(at(slot, 1.0, kHihat));
  }
  const Analysis a = analyze(strokes, kGrid, kPads);
  CHECK(a.missed == 3);
  REQUIRE(a.bars.size() == 2);
  CHECK(a.bars[0].tally.missed == 1);
  CHECK(a.bars[1].tally.missed == 2);
  CHECK(a.total.slots_within_25ms() == Approx(29.0 / 32.0));
}

TEST_CASE("gap bars: timing alone and on the return of the click", "[analysis]") {
  // Play 1 bar, mute 1: bars 1 and 3 are silent. Quarter notes.
  const Grid quarters = Grid::constant(120.0, {4, 4}, 4);
  std::vector<Stroke> strokes;
  for (int bar = 0; bar < 4; ++bar) {
    const bool muted = bar % 2 == 1;
    for (int beat = 0; beat < 4; ++beat) {
      const double offset_ms = muted ? -10.0 : (bar > 0 && beat == 0 ? -20.0 : 0.0);
      strokes.push_back({(bar * 4 + beat) * 0.5 + offset_ms / 1000.0, kSnare, 100});
    }
  }
  AnalysisOptions options;
  options.gap = {1, 1};
  const Analysis a = analyze(strokes, quarters, kPads, 0, options);
  REQUIRE(a.gap);
  CHECK(a.gap->in_gap.hits == 8);
  CHECK(a.gap->in_gap.mean_offset_ms == Approx(-10.0));
  CHECK(a.gap->on_return.hits == 1);  // the downbeat of bar 2
  CHECK(a.gap->on_return.mean_offset_ms == Approx(-20.0));
  CHECK_FALSE(analyze(strokes, quarters, kPads).gap);
}

TEST_CASE("a tempo change in the grid keeps offsets honest", "[analysis]") {
  // 120 BPM for a bar, then 90 BPM: quarter-note slots.
  const Grid grid({{0.0, 0.0, 0.5}, {4.0, 2.0, 60.0 / 90.0}}, {4, 4}, 4);
  std::vector<Stroke> strokes;
  for (int slot = 0; slot < 12; ++slot)
    strokes.push_back({grid.seconds_of(slot) + 0.007, kKick, 100});
  const Analysis a = analyze(strokes, grid, kPads, 3);
  CHECK(a.timing.mean_offset_ms == Approx(7.0));
  CHECK(a.timing.sd_offset_ms == Approx(0.0).margin(1e-9));
  CHECK(a.double_triggers == 3);
  CHECK(a.missed == 0);
}
