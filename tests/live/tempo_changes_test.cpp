#include <catch2/catch.hpp>

#include "live/tempo_changes.hpp"

using namespace pocket;

TEST_CASE("a ladder's steps scale a song's tempo map from their bar lines", "[tempo]") {
  // The song opens at 70 BPM (100 at 70 %) and goes to 84 (120) at bar 4.
  TempoChanges tempo({{0, 70.0}, {4, 84.0}});
  CHECK(tempo.bpm_at(2) == 70.0);
  CHECK(tempo.next_after(0)->bar == 4);
  CHECK(tempo.next_after(0)->bpm == 84.0);
  CHECK_FALSE(tempo.next_after(4));
  // A step to 75 % on bar 3: the opening tempo's bars at 75, the later ones at 90.
  tempo.step_from(3, 75.0);
  CHECK(tempo.bpm_at(2) == 70.0);
  CHECK(tempo.bpm_at(3) == 75.0);
  CHECK(tempo.bpm_at(5) == Approx(90.0));
  CHECK(tempo.next_after(0)->bar == 3);
  CHECK(tempo.next_after(3)->bar == 4);
  CHECK(tempo.next_after(3)->bpm == Approx(90.0));
  // The next step lands after the map's change: the map's tempo at its share.
  tempo.step_from(6, 80.0);
  CHECK(tempo.next_after(4)->bar == 6);
  CHECK(tempo.next_after(4)->bpm == Approx(96.0));
  CHECK_FALSE(tempo.next_after(6));
}

TEST_CASE("a ladder without a song plays each step's tempo exactly", "[tempo]") {
  TempoChanges tempo({{0, 84.0}});
  CHECK_FALSE(tempo.next_after(0));
  tempo.step_from(3, 90.1);
  CHECK(tempo.next_after(0)->bpm == 90.1);
  CHECK(tempo.bpm_at(100) == 90.1);
}

TEST_CASE("a looped section plays its tempo changes again on every pass", "[tempo]") {
  // Three bars: two at 120 BPM, one at 100, then the loop starts again at 120.
  TempoChanges tempo({{0, 120.0}, {2, 100.0}}, 3);
  CHECK(tempo.bpm_at(-1) == 120.0);  // the count-in
  CHECK(tempo.bpm_at(2) == 100.0);
  CHECK(tempo.bpm_at(3) == 120.0);
  CHECK(tempo.bpm_at(8) == 100.0);
  std::vector<BarTempo> asked;
  for (auto next = tempo.next_after(0); next && next->bar < 9; next = tempo.next_after(next->bar))
    asked.push_back(*next);
  const std::vector<std::pair<std::int64_t, double>> expected = {
      {2, 100.0}, {3, 120.0}, {5, 100.0}, {6, 120.0}, {8, 100.0}};
  REQUIRE(asked.size() == expected.size());
  for (std::size_t i = 0; i < asked.size(); ++i) {
    CHECK(asked[i].bar == expected[i].first);
    CHECK(asked[i].bpm == expected[i].second);
  }
  // A ladder's step on the second pass: the pass's later bars at its share.
  tempo.step_from(4, 108.0);
  CHECK(tempo.next_after(3)->bar == 4);
  CHECK(tempo.bpm_at(5) == Approx(90.0));
  CHECK(tempo.bpm_at(6) == 108.0);
}

TEST_CASE("a looped section at one tempo asks for no change", "[tempo]") {
  TempoChanges tempo({{0, 100.0}}, 2);
  CHECK_FALSE(tempo.next_after(0));
  CHECK_FALSE(tempo.next_after(7));
}

TEST_CASE("a looped section that ends at its first tempo starts the next pass with no change",
          "[tempo]") {
  TempoChanges tempo({{0, 100.0}, {1, 120.0}, {2, 100.0}}, 3);
  CHECK(tempo.next_after(2)->bar == 4);
  CHECK(tempo.next_after(2)->bpm == 120.0);
}
