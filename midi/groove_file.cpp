#include "groove_file.hpp"

#include <fmt/format.h>

#include "recorded_performance.hpp"
#include "tick_clock.hpp"

namespace pocket {

namespace {

// The time signature in effect at `tick`; 4/4 before the first.
Meter meter_at(const MidiFile& file, std::int64_t tick, const std::filesystem::path& path) {
  Meter meter{4, 4};
  for (const TimeSignatureChange& change : file.time_signatures) {
    if (change.tick > tick) break;
    meter = {change.beats, change.unit};
  }
  try {
    validate(meter);
  } catch (const std::invalid_argument& e) {
    throw std::invalid_argument(
        fmt::format("{}: its time signature at tick {}: {}", path.string(), tick, e.what()));
  }
  return meter;
}

}  // namespace

Groove read_groove(const std::filesystem::path& path, const DrumMap& map,
                   double double_trigger_ms) {
  const MidiFile file = read_midi_file(path);
  std::vector<TickedStroke> ticked;
  const RecordedPerformance performance = filtered_notes(file, map, double_trigger_ms, ticked);
  Groove groove;
  groove.name = path.stem().string();
  groove.pad_names = performance.pad_names;
  groove.unmapped_notes = performance.unmapped_notes;
  groove.quarter_bpm = TickClock(file).quarter_bpm_at(0);
  const double ticks_per_whole = 4.0 * file.ticks_per_quarter;
  for (const TickedStroke& t : ticked) {
    // A chick of the hi-hat pedal is a stroke of the hi-hat pad, which a pattern expects once a
    // slot: the foot's notes would take the sticks' places.
    if (map.articulation_of(t.note) == "pedal") continue;
    groove.notes.push_back(
        {t.stroke.pad, static_cast<double>(t.tick) / ticks_per_whole, t.stroke.velocity});
  }
  if (ticked.empty()) return groove;
  // To the end of the track, or of the last note; a tail shorter than a 32nd (a note-off, an
  // end a little late) does not open another bar.
  const std::int64_t end = std::max(file.end_tick, ticked.back().tick);
  const double tail = file.ticks_per_quarter / 8.0;
  for (std::int64_t start = 0; groove.bars.empty() || start < end - tail;) {
    const Meter meter = meter_at(file, start, path);
    groove.bars.push_back(meter);
    start += static_cast<std::int64_t>(ticks_per_whole) * meter.beats / meter.unit;
  }
  return groove;
}

}  // namespace pocket
