#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <map>
#include "core/analysis.hpp"
#include "core/grid.hpp"

#include "core/drum_map.hpp"
#include "midi_file.hpp"

namespace pocket {

// The strokes of a recorded MIDI performance, in seconds from tick 0.
struct RecordedPerformance {
  std::vector<Stroke> strokes;
  std::int64_t double_triggers = 0;
  std::vector<std::string> pad_names;
  std::map<int, std::int64_t> unmapped_notes;  // note-ons the map does not cover, per note
};

RecordedPerformance strokes_of(const MidiFile& file, const DrumMap& map,
                               double double_trigger_ms = 10.0);

// A stroke of a file with the tick of its note-on.
struct TickedStroke {
  std::int64_t tick = 0;
  int note = 0;
  Stroke stroke;
};
// The file's note-ons through the stroke filter a live kit's go through; `strokes` of the
// result is left empty, and each stroke is in `ticked` instead.
RecordedPerformance filtered_notes(const MidiFile& file, const DrumMap& map,
                                   double double_trigger_ms, std::vector<TickedStroke>& ticked);

// The file's first time signature, if it has one.
std::optional<Meter> meter_of(const MidiFile& file);

// A grid that follows the file's tempo map, starting at tick 0 plus `start_seconds`, swung.
Grid grid_from_tempo_map(const MidiFile& file, const MeterCycle& meters, int slots_per_whole,
                         double start_seconds = 0.0, Swing swing = {});

}  // namespace pocket
