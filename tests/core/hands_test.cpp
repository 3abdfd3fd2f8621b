// Two hands: the sticking of a bar, each hand's timing and loudness, and the two compared.
#include <vector>

#include <catch2/catch.hpp>

#include "core/analysis.hpp"
#include "core/sticking.hpp"

using namespace pocket;

namespace {

const std::vector<std::string> kHandPads = {"snare", "hihat"};

// Paradiddles in sixteenths at 120 BPM on the snare: the left hand `late_ms` late and at
// `left_velocity`, the right at 100; each stroke nudged by a small repeating wobble.
std::vector<Stroke> paradiddles(double late_ms, int left_velocity, int bars = 8) {
  const std::string hands = "RLRRLRLL";
  const double wobble_ms[] = {0.5, -0.5, 0.3, -0.3, 0.0};
  std::vector<Stroke> strokes;
  for (int slot = 0; slot < bars * 16; ++slot) {
    const bool left = hands[static_cast<std::size_t>(slot % 8)] == 'L';
    const double ms = (left ? late_ms : 0.0) + wobble_ms[slot % 5];
    strokes.push_back({slot * 0.125 + ms / 1000.0, 0, left ? left_velocity : 100});
  }
  return strokes;
}

Analysis with_sticking(const std::vector<Stroke>& strokes, const std::string& marks) {
  const Sticking sticking(std::vector<StickingLine>{{"", marks}}, kHandPads, 16);
  AnalysisOptions options;
  options.sticking = &sticking;
  return analyze(strokes, Grid::constant(120.0, {4, 4}, 16), kHandPads, 0, options);
}

}  // namespace

TEST_CASE("a sticking repeats over the bar and a pad's own line comes first", "[hands]") {
  const std::vector<StickingLine> lines = {{"", "RL"}, {"hihat", "R... L... B... ...."}};
  const Sticking sticking(lines, kHandPads, 16);
  CHECK(sticking.hand_of(0, 0) == Hand::right);
  CHECK(sticking.hand_of(0, 15) == Hand::left);
  CHECK(sticking.hand_of(1, 4) == Hand::left);
  CHECK(sticking.hand_of(1, 8) == Hand::both);
  CHECK(sticking.hand_of(1, 1) == Hand::none);
  CHECK(Sticking().empty());
  CHECK_THROWS_WITH(Sticking(std::vector<StickingLine>{{"", "RLR"}}, kHandPads, 16),
                    Catch::Contains("3 marks, which do not repeat evenly over the bar's 16 slots"));
  CHECK_THROWS_WITH(sticking_marks("RXL"), Catch::Contains("use R (right), L (left), B (both)"));
  CHECK_THROWS_WITH(Sticking(std::vector<StickingLine>{{"ride", "RL"}}, kHandPads, 16),
                    Catch::Contains("'ride', a pad this kit does not have"));
}

TEST_CASE("each hand gets its own timing and loudness from the sticking", "[hands]") {
  const Analysis a = with_sticking(paradiddles(5.0, 80), "RLRR LRLL");
  REQUIRE(a.hands.size() == 2);
  CHECK(a.hands[0].hand == Hand::right);
  CHECK(a.hands[1].hand == Hand::left);
  CHECK(a.hands[0].timing.hits == 64);
  CHECK(a.hands[1].timing.hits == 64);
  CHECK(a.hands[1].timing.mean_offset_ms - a.hands[0].timing.mean_offset_ms ==
        Approx(5.0).margin(0.1));
  CHECK(a.hands[0].velocity.mean == 100.0);
  CHECK(a.hands[1].velocity.mean == 80.0);
  CHECK(a.hands[1].velocity.cv() == 0.0);
  CHECK(with_sticking(paradiddles(5.0, 80), "RL").hands[1].timing.hits == 64);  // a wrong one
}

TEST_CASE("the coach names the weaker hand only beyond the error and the spread", "[hands]") {
  const auto compared = [](double late_ms, int left_velocity, double error_ms) {
    const Analysis a = with_sticking(paradiddles(late_ms, left_velocity), "RLRR LRLL");
    return compare_hands(a.hands, error_ms).value();
  };
  CHECK(compared(5.0, 80, 0.5).sentence ==
        "the left hand sits 5.0 ms behind the right and plays 20 % softer");
  CHECK(compared(-4.0, 100, 0.5).sentence == "the right hand sits 4.0 ms behind the left, as loud");
  CHECK(compared(4.0, 112, 0.5).sentence ==
        "the left hand sits 4.0 ms behind the right, and the right hand plays 11 % softer");
  CHECK(compared(0.0, 90, 0.5).sentence ==
        "the left hand plays 10 % softer than the right, in time with it");
  // Within the measuring error, or within what the wobble leaves uncertain, they match.
  CHECK(compared(0.8, 100, 1.0).timing_differs == false);
  CHECK_THAT(compared(0.8, 100, 1.0).sentence, Catch::StartsWith("the hands match: within 0.8 ms"));
  CHECK(compared(0.05, 100, 0.0).timing_differs == false);  // 0.05 ms is under 2 SE of the wobble
  CHECK(compared(0.0, 99, 0.0).loudness_differs == false);  // one velocity step
}

TEST_CASE("no hands without a sticking or without both hands", "[hands]") {
  CHECK(analyze(paradiddles(5.0, 80), Grid::constant(120.0, {4, 4}, 16), kHandPads).hands.empty());
  const Analysis right_only = with_sticking(paradiddles(5.0, 80), "R");
  REQUIRE(right_only.hands.size() == 1);
  CHECK_FALSE(compare_hands(right_only.hands, 0.0));
}

TEST_CASE("accents, ghost notes and doubles are read against the pattern and the sticking",
          "[hands][dynamics]") {
  // A bar of sixteenths on the snare, X accent, x normal, g ghost; sticking RRLL (doubles).
  const std::vector<PadPattern> pattern = {{"snare", "Xxgx Xxgx Xxgx Xxgx"}};
  const ExpectedStrokes expected(pattern, kHandPads, 16);
  const Sticking sticking(std::vector<StickingLine>{{"", "RRLL"}}, kHandPads, 16);
  std::vector<Stroke> strokes;
  for (int slot = 0; slot < 64; ++slot) {
    const int in_group = slot % 4;
    // Accents 110 but one in four at 80 (no louder than its neighbours); normals 80, ghosts 40.
    int velocity = in_group == 0 ? (slot % 16 == 12 ? 80 : 110) : in_group == 2 ? 40 : 80;
    strokes.push_back({slot * 0.125, 0, velocity});
  }
  AnalysisOptions options;
  options.expected = &expected;
  options.sticking = &sticking;
  const Analysis a = analyze(strokes, Grid::constant(120.0, {4, 4}, 16), kHandPads, 0, options);
  REQUIRE(a.dynamics);
  CHECK(a.dynamics->accents.strokes == 16);
  CHECK(a.dynamics->accents.mean == Approx((12 * 110 + 4 * 80) / 16.0));
  CHECK(a.dynamics->normals.mean == 80.0);
  CHECK(a.dynamics->ghosts.mean == 40.0);
  CHECK(a.dynamics->accent_gap == Approx(102.5 / 80.0));
  CHECK(a.dynamics->accents_louder == Approx(0.75));
  // RRLL: R on 0 and 1 (110 or 80, then 80), L on 2 and 3 (40 then 80).
  REQUIRE(a.doubles);
  CHECK(a.doubles->pairs == 32);
  CHECK(a.doubles->second_over_first == Approx((80.0 * 32) / (102.5 * 16 + 40.0 * 16)));
  REQUIRE(a.pad("snare"));
  CHECK(a.pad("snare")->velocity.strokes == 64);
  CHECK(a.positions[2].velocity.mean == 40.0);

  // Without accent or ghost marks there is nothing to read, and three in a row are no double.
  const std::vector<PadPattern> plain_line = {{"snare", "xxxx xxxx xxxx xxxx"}};
  const ExpectedStrokes plain_marks(plain_line, kHandPads, 16);
  const Sticking triples(std::vector<StickingLine>{{"", "RRRL"}}, kHandPads, 16);
  options.expected = &plain_marks;
  options.sticking = &triples;
  const Analysis b = analyze(strokes, Grid::constant(120.0, {4, 4}, 16), kHandPads, 0, options);
  CHECK_FALSE(b.dynamics);
  CHECK_FALSE(b.doubles);
}
