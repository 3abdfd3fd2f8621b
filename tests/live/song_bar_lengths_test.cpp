#include <catch2/catch.hpp>

#include "live/session_song.hpp"

using namespace pocket;

namespace {
void same_runs(const SongBarLengths& lengths, const std::vector<SongBarRun>& expected) {
  REQUIRE(lengths.runs.size() == expected.size());
  for (std::size_t i = 0; i < expected.size(); ++i) {
    INFO("run " << i);
    CHECK(lengths.runs[i].first_bar == expected[i].first_bar);
    CHECK(lengths.runs[i].bar_seconds == Approx(expected[i].bar_seconds));
  }
}
}  // namespace

TEST_CASE("a song's bars follow its tempo map's tempos and meters at 100 percent", "[song]") {
  // 4/4 at 100 BPM, 3/4 from bar 4 at 120, 4/4 from bar 5; the session at 75 %.
  const MeterCycle meters = MeterCycle::of_song({{0, {4, 4}}, {4, {3, 4}}, {5, {4, 4}}});
  const SongBarLengths lengths = song_bar_lengths(meters, 75.0, {{4, 90.0}}, 0.75);
  same_runs(lengths, {{0, 2.4}, {4, 1.5}, {5, 2.0}});
  CHECK(lengths.cycle_bars == 0);
}

TEST_CASE("a song's bars in a cycle of meters repeat with the cycle", "[song]") {
  // 7/8 then 4/4 at 180 eighths a minute: 7/3 s, then 8/3 s; the session at 75 % (135).
  const SongBarLengths lengths = song_bar_lengths(MeterCycle({{7, 8}, {4, 4}}), 135.0, {}, 0.75);
  same_runs(lengths, {{0, 7.0 / 3.0}, {1, 8.0 / 3.0}});
  CHECK(lengths.cycle_bars == 2);
}

TEST_CASE("a looped section's bars follow its tempo change and repeat with each pass", "[song]") {
  // Three bars of 4/4: two at 120 BPM, one at 100.
  const SongBarLengths lengths =
      song_bar_lengths(MeterCycle(std::vector<Meter>(3, Meter{4, 4})), 120.0, {{2, 100.0}}, 1.0);
  same_runs(lengths, {{0, 2.0}, {1, 2.0}, {2, 2.4}});
  CHECK(lengths.cycle_bars == 3);
}
