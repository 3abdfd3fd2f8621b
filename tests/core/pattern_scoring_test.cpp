// Scoring against a groove pattern: each pad is expected on its own slots only.
#include <algorithm>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "core/analysis.hpp"
#include "core/live_scorer.hpp"

using namespace pocket;

namespace {

const std::vector<std::string> kPads = {"kick", "snare", "hihat", "ride"};
constexpr int kKick = 0, kSnare = 1, kHihat = 2;

// A rock groove on an eighth-note grid at 120 BPM: a slot every quarter of a second.
const std::vector<PadPattern> kGroove = {
    {"hihat", "xx xx xx xx"}, {"kick", "x. .. x. .."}, {"snare", ".. x. .. x."}};
const Grid kGrid = Grid::constant(120.0, {4, 4}, 8);

// Eight bars of the groove with a small wobble, leaving out and adding what the test says.
std::vector<Stroke> groove(const ExpectedStrokes& expected) {
  std::vector<Stroke> out;
  for (std::int64_t slot = 0; slot < 8 * 8; ++slot) {
    const int position = kGrid.position_of(slot);
    for (const int pad : {kKick, kSnare, kHihat}) {
      if (!expected.expects(pad, position)) continue;
      const double wobble_ms = ((slot * 7 + pad * 3) % 9 - 4) * 1.5;  // -6..+6 ms
      const std::int64_t bar = kGrid.bar_of(slot);
      // Left out: the kick on 3 in bars 1, 4 and 6, the snare on 4 in bars 2 and 5.
      if (pad == kKick && position == 4 && (bar == 1 || bar == 4 || bar == 6)) continue;
      if (pad == kSnare && position == 6 && (bar == 2 || bar == 5)) continue;
      out.push_back({kGrid.seconds_of(slot) + wobble_ms / 1000.0, pad, 100});
    }
  }
  // Added: a kick on 2& in bars 3 and 7 (its line has nothing there), a second snare on 2 in
  // bar 0 (the pad already struck that slot), a ride nobody asked for on 1 of bar 2.
  for (const std::int64_t bar : {3, 7})
    out.push_back({kGrid.seconds_of(bar * 8 + 3) + 0.004, kKick, 90});
  out.push_back({kGrid.seconds_of(2) + 0.030, kSnare, 60});
  out.push_back({kGrid.seconds_of(16) - 0.002, 3, 80});
  return out;
}

std::int64_t count_at(const std::vector<PatternSpot>& spots, const std::string& pad,
                      const std::string& label) {
  for (const PatternSpot& s : spots) {
    if (s.pad == pad && s.label == label) return s.count;
  }
  return 0;
}

}  // namespace

TEST_CASE("a pattern gives the exact missed and extra strokes per pad and position", "[pattern]") {
  const ExpectedStrokes expected(kGroove, kPads, kGrid.positions());
  AnalysisOptions options;
  options.expected = &expected;
  options.bars = std::pair<std::int64_t, std::int64_t>{0, 7};
  const Analysis a = analyze(groove(expected), kGrid, kPads, 0, options);

  CHECK(a.missed == 5);
  CHECK(count_at(a.missed_at, "kick", "3") == 3);
  CHECK(count_at(a.missed_at, "snare", "4") == 2);
  CHECK(a.missed_at.size() == 2);
  CHECK(a.missed_at.front().pad == "kick");  // the most frequent first

  CHECK(a.extra == 4);
  CHECK(count_at(a.extra_at, "kick", "2&") == 2);
  CHECK(count_at(a.extra_at, "snare", "2") == 1);
  CHECK(count_at(a.extra_at, "ride", "1") == 1);
  // The second snare on 2 doubled a note of the pattern; the others lie outside it.
  for (const PatternSpot& spot : a.extra_at) CHECK(spot.doubled == (spot.pad == "snare"));
  // Each missed note says how often it came round: the kick on 3 and the snare on 4 eight times.
  for (const PatternSpot& spot : a.missed_at) CHECK(spot.of == 8);
  // Every note of the pattern, bar by bar: the kick on 3 hit 5 times of 8.
  REQUIRE(a.notes.size() == 8 + 2 + 2);
  for (const PatternNote& note : a.notes) {
    INFO(note.pad << " " << note.label);
    CHECK(note.due == 8);
    CHECK(note.stats.hits == note.due - note.missed);
    const bool kick_on_3 = note.pad == "kick" && note.label == "3";
    const bool snare_on_4 = note.pad == "snare" && note.label == "4";
    CHECK(note.missed == (kick_on_3 ? 3 : snare_on_4 ? 2 : 0));
  }
  CHECK(std::is_sorted(
      a.notes.begin(), a.notes.end(),
      [](const PatternNote& x, const PatternNote& y) { return x.position < y.position; }));

  // 8 bars of 8 hi-hats, 16 kicks and 16 snares, less the five left out.
  CHECK(a.timing.hits == 64 + 16 + 16 - 5);
  REQUIRE(a.pad("kick"));
  CHECK(a.pad("kick")->stats.hits == 13);
  CHECK(a.pad("snare")->stats.hits == 14);
  CHECK(a.pad("hihat")->stats.hits == 64);
  CHECK_FALSE(a.pad("ride"));
  CHECK(a.total.missed == 5);
  CHECK(a.total.extra == 4);
  // Bar 1 lost its kick on 3: one missed of its 12 expected strokes.
  CHECK(a.bars[1].tally.missed == 1);
  CHECK(a.bars[1].tally.hits == 11);
}

TEST_CASE("a stroke nearest a slot its pad's line leaves empty is extra", "[pattern]") {
  const ExpectedStrokes expected(kGroove, kPads, kGrid.positions());
  AnalysisOptions options;
  options.expected = &expected;
  // A snare on 1 (the kick's slot): extra, and the snare missed on 2 and 4 of that bar.
  const Analysis a = analyze({{0.0, kSnare, 100}, {0.0, kKick, 100}}, kGrid, kPads, 0, options);
  CHECK(a.extra == 1);
  CHECK(a.timing.hits == 1);
  CHECK(count_at(a.missed_at, "snare", "2") == 1);
  CHECK(count_at(a.missed_at, "hihat", "1") == 1);
  CHECK(a.missed == 2 + 8 + 1);  // snare twice, eight hi-hats, the kick on 3
}

TEST_CASE("stored strokes summarise to the same pattern counts", "[pattern]") {
  const ExpectedStrokes expected(kGroove, kPads, kGrid.positions());
  AnalysisOptions options;
  options.expected = &expected;
  options.bars = std::pair<std::int64_t, std::int64_t>{0, 7};
  const Analysis live = analyze(groove(expected), kGrid, kPads, 0, options);
  const Analysis again = summarize(live.strokes, kGrid, kPads, 0, options);
  CHECK(again.missed == live.missed);
  CHECK(again.extra == live.extra);
  CHECK(count_at(again.missed_at, "kick", "3") == 3);
  CHECK(count_at(again.extra_at, "kick", "2&") == 2);
}

TEST_CASE("the live scorer tallies each bar against the pattern", "[pattern][live]") {
  const ExpectedStrokes expected(kGroove, kPads, kGrid.positions());
  LiveScorer scorer(Meter{4, 4}, 8, kPads, expected);
  scorer.add_section(0, 0.0, 120.0);
  for (const Stroke& s : groove(expected)) scorer.add_stroke(s);
  const std::vector<BarTally> bars = scorer.close_bars(100.0);
  REQUIRE(bars.size() >= 8);
  Tally total;
  for (int bar = 0; bar < 8; ++bar) total += bars[static_cast<std::size_t>(bar)].tally;
  CHECK(total.missed == 5);
  CHECK(total.extra == 4);
  CHECK(total.hits == 91);
  CHECK(bars[1].tally.missed == 1);  // the kick on 3
  CHECK(bars[3].tally.extra == 1);   // the kick on 2&
  const auto first = scorer.scored_in_bar(3);
  const bool kick_on_and_is_extra =
      std::any_of(first.begin(), first.end(), [](const ScoredStroke& s) {
        return s.stroke.pad == kKick && s.slot == 3 * 8 + 3 && !s.matched;
      });
  CHECK(kick_on_and_is_extra);
}

TEST_CASE("a pattern names what is wrong with it", "[pattern]") {
  CHECK_THROWS_WITH(ExpectedStrokes(std::vector<PadPattern>{{"cowbell", "x......."}}, kPads, 8),
                    Catch::Contains("'cowbell', a pad this kit does not have"));
  CHECK_THROWS_WITH(ExpectedStrokes(std::vector<PadPattern>{{"kick", "x..."}}, kPads, 8),
                    Catch::Contains("4 marks but a bar of the grid has 8 slots"));
  CHECK_THROWS_WITH(pattern_marks("x.o."), Catch::Contains("use x for a stroke"));
  CHECK(pattern_marks("X-x. | x...") == "x.x.x...");
  CHECK(ExpectedStrokes().plain());
}
