#pragma once

#include <filesystem>

#include "core/drum_map.hpp"
#include "core/groove.hpp"

namespace pocket {

// Reads a groove from a Standard MIDI File: its note-ons through `map` and the stroke filter a
// kit's go through (the hi-hat pedal's left out), placed by the file's ticks and time
// signatures, and its tempo at the start.
// It lasts to the end of its track: a loop cut at a bar line ends there, and a downbeat played
// a little early at its end belongs to its first bar.
// Throws MidiFileError when the file cannot be read, std::invalid_argument for a meter pocket
// cannot play.
Groove read_groove(const std::filesystem::path& path, const DrumMap& map,
                   double double_trigger_ms = 10.0);

}  // namespace pocket
