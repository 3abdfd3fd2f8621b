#pragma once

#include <cstdint>
#include <filesystem>
#include <vector>

#include "core/meter_cycle.hpp"
#include "midi/midi_file.hpp"

namespace pocket {

// A song's tempo from a bar line on, in beats a minute of the song's first meter's unit.
struct BarTempo {
  std::int64_t bar = 0;
  double bpm = 120.0;
};

// The tempo map of a song's MIDI file (its own, or a click track's).
struct SongTempoMap {
  std::vector<BarTempo> tempos;  // the tempo at bar 0, then each bar line where it changes
  MeterCycle meters;             // the song's meters, or one when it keeps to one
};

// The song's first bar line is the file's tick 0. Its bars follow the file's time signatures,
// in `meter` until the first. Throws InputFileError naming the file and the bar for a tempo or
// meter change that falls inside a bar: the click follows a song on bar lines.
SongTempoMap song_tempo_map(const MidiFile& file, const std::filesystem::path& path, Meter meter);

// The bar lines where a song's tempo or its meter changes, bar 0 first, in order: each starts a
// run of bars of one length.
std::vector<std::int64_t> change_bars(const std::vector<BarTempo>& tempos,
                                      const MeterCycle& meters);

}  // namespace pocket
