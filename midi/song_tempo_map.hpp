#pragma once

#include <cstdint>
#include <filesystem>
#include <vector>

#include "core/meter.hpp"
#include "midi/midi_file.hpp"

namespace pocket {

// A song's tempo from a bar line on, in beats of the meter's unit a minute.
struct BarTempo {
  std::int64_t bar = 0;
  double bpm = 120.0;
};

// The tempo map of a song's MIDI file (its own, or a click track's) in bars of `meter`: the
// tempo at bar 0 (the file's tick 0 is the song's first bar line), then each bar line where it
// changes. Throws InputFileError naming the file and the bar for a change that falls inside a
// bar, or a meter change: the click follows a song's tempo on bar lines, in one meter.
std::vector<BarTempo> song_tempo_map(const MidiFile& file, const std::filesystem::path& path,
                                     Meter meter);

}  // namespace pocket
