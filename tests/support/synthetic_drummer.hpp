#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "midi/midi_file_writer.hpp"

namespace pocket::test {

// One limb's part: a General MIDI note on some slots of every bar, with its own bias.
struct Part {
  int note = 42;
  std::vector<int> slots;  // positions in the bar, in grid slots
  double bias_ms = 0.0;
  int velocity = 90;
};

// A performance with known timing: offset = bias + part bias + drift * minutes + jitter * N(0,1).
struct DrummerSpec {
  double bpm = 120.0;  // quarter notes per minute (4/4)
  int bars = 32;
  int grid = 16;  // slots per whole note
  std::vector<Part> parts;
  double bias_ms = 0.0;
  double jitter_ms = 0.0;
  double drift_ms_per_min = 0.0;
  double miss_probability = 0.0;
  double double_trigger_probability = 0.0;
  int tempo_change_bar = -1;  // from this bar on, change_bpm (MIDI tempo event)
  double change_bpm = 0.0;
  int ticks_per_quarter = 1920;
  std::uint64_t seed = 1;
};

struct TruthStroke {
  double seconds = 0.0;    // as written to the file (after rounding to ticks)
  double offset_ms = 0.0;  // from its slot, as written
  int note = 0;
};

struct SyntheticPerformance {
  std::vector<TruthStroke> strokes;  // scored strokes, not the double triggers
  std::int64_t double_triggers = 0;
  std::int64_t missed_slots = 0;   // slots between the first and last stroke nobody played
  std::vector<std::uint8_t> midi;  // the Standard MIDI File
};

SyntheticPerformance perform(const DrummerSpec& spec);

// Mean, sample SD and least-squares slope (ms per minute) of the written offsets.
struct TruthStats {
  double mean_ms = 0.0;
  double sd_ms = 0.0;
  double drift_ms_per_min = 0.0;
};
TruthStats truth_stats(const std::vector<TruthStroke>& strokes);

}  // namespace pocket::test
