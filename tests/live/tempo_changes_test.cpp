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
