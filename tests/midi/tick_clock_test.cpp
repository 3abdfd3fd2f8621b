#include <utility>
#include <vector>

#include <catch2/catch.hpp>

#include "midi/midi_file.hpp"
#include "midi/midi_file_writer.hpp"
#include "midi/tick_clock.hpp"

using namespace pocket;

namespace {

MidiFile file_with_tempos(int ticks_per_quarter, std::vector<TempoChange> tempo_changes) {
  MidiFile file;
  file.ticks_per_quarter = ticks_per_quarter;
  file.tempo_changes = std::move(tempo_changes);
  return file;
}

}  // namespace

TEST_CASE("without tempo events a file runs at 120 BPM", "[tick_clock]") {
  const TickClock clock(file_with_tempos(480, {}));
  CHECK(clock.seconds_at(0) == 0.0);
  CHECK(clock.seconds_at(480) == Approx(0.5));
  CHECK(clock.seconds_at(120) == Approx(0.125));
  CHECK(clock.seconds_at(1920) == Approx(2.0));
  CHECK(clock.quarter_bpm_at(0) == Approx(120.0));
  CHECK(clock.quarter_bpm_at(1000000) == Approx(120.0));
}

TEST_CASE("a tempo change mid-file starts a new segment from the seconds reached", "[tick_clock]") {
  // 100 BPM (0.6 s a quarter) for one 4/4 bar of 1920 ticks, then 150 BPM (0.4 s a quarter).
  const TickClock clock(file_with_tempos(480, {{0, 600000}, {1920, 400000}}));
  CHECK(clock.seconds_at(960) == Approx(1.2));
  CHECK(clock.seconds_at(240.5) == Approx(240.5 * 0.6 / 480));  // ticks may be fractional
  CHECK(clock.seconds_at(1920) == Approx(2.4));
  CHECK(clock.seconds_at(2400) == Approx(2.8));
  CHECK(clock.seconds_at(1920 + 480 * 10) == Approx(6.4));
  CHECK(clock.quarter_bpm_at(1919) == Approx(100.0));
  CHECK(clock.quarter_bpm_at(1920) == Approx(150.0));
  CHECK(clock.quarter_bpm_at(50000) == Approx(150.0));
}

TEST_CASE("before the first tempo event the clock runs at 120 BPM", "[tick_clock]") {
  // 120 BPM up to tick 960 (1 s), then 60 BPM: 1 s a quarter.
  const TickClock clock(file_with_tempos(480, {{960, 1000000}}));
  CHECK(clock.seconds_at(480) == Approx(0.5));
  CHECK(clock.seconds_at(960) == Approx(1.0));
  CHECK(clock.seconds_at(1440) == Approx(2.0));
  CHECK(clock.quarter_bpm_at(959) == Approx(120.0));
  CHECK(clock.quarter_bpm_at(960) == Approx(60.0));
}

TEST_CASE("of two tempo events at the same tick the later one wins", "[tick_clock]") {
  SECTION("at tick 0") {
    const TickClock clock(file_with_tempos(480, {{0, 1000000}, {0, 250000}}));
    CHECK(clock.seconds_at(480) == Approx(0.25));
    CHECK(clock.quarter_bpm_at(0) == Approx(240.0));
  }
  SECTION("mid-file") {
    const TickClock clock(file_with_tempos(480, {{960, 1000000}, {960, 250000}}));
    CHECK(clock.seconds_at(960) == Approx(1.0));
    CHECK(clock.seconds_at(1440) == Approx(1.25));
    CHECK(clock.quarter_bpm_at(960) == Approx(240.0));
  }
  SECTION("read from a file") {
    // The reader keeps the file's order of events at one tick.
    MidiFileWriter writer(480);
    writer.add_tempo(960, 60.0);
    writer.add_tempo(960, 240.0);
    const MidiFile file = parse_midi_file(writer.bytes(), "tempo.mid");
    const TickClock clock(file);
    CHECK(clock.seconds_at(1440) == Approx(1.25));
    CHECK(clock.quarter_bpm_at(960) == Approx(240.0));
  }
}

TEST_CASE("the tempo follows the ticks per quarter note of the file", "[tick_clock]") {
  const TickClock clock(file_with_tempos(96, {{0, 750000}}));  // 80 BPM
  CHECK(clock.seconds_at(96) == Approx(0.75));
  CHECK(clock.seconds_at(24) == Approx(0.1875));
  CHECK(clock.quarter_bpm_at(0) == Approx(80.0));
}

TEST_CASE("a long file does not drift", "[tick_clock]") {
  // Many tempo changes, each a closed form from its start: the sum stays exact.
  std::vector<TempoChange> changes;
  for (int i = 0; i < 1000; ++i) changes.push_back({i * 480, i % 2 == 0 ? 600000 : 400000});
  const TickClock clock(file_with_tempos(480, std::move(changes)));
  // 500 quarters at 0.6 s and 500 at 0.4 s.
  CHECK(clock.seconds_at(480 * 1000) == Approx(500.0).epsilon(1e-12));
  CHECK(clock.seconds_at(480 * 1000 + 240) == Approx(500.2).epsilon(1e-12));
}
