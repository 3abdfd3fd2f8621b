#include "recorded_performance.hpp"

#include "stroke_filter.hpp"
#include "tick_clock.hpp"

namespace pocket {

RecordedPerformance filtered_notes(const MidiFile& file, const DrumMap& map,
                                   double double_trigger_ms, std::vector<TickedStroke>& ticked) {
  const TickClock clock(file);
  StrokeFilter filter(map, double_trigger_ms);
  RecordedPerformance performance;
  performance.pad_names = map.pad_names();
  for (const MidiFileEvent& event : file.events) {
    if (event.kind == MidiEventKind::control_change) {
      filter.control_change(event.data1, event.data2);
      continue;
    }
    if (event.kind != MidiEventKind::note_on) continue;
    Stroke stroke;
    switch (filter.note_on(clock.seconds_at(static_cast<double>(event.tick)), event.data1,
                           event.data2, stroke)) {
      case StrokeFilter::Result::stroke: ticked.push_back({event.tick, event.data1, stroke}); break;
      case StrokeFilter::Result::unmapped: ++performance.unmapped_notes[event.data1]; break;
      case StrokeFilter::Result::double_trigger:
      case StrokeFilter::Result::ignored: break;
    }
  }
  performance.double_triggers = filter.double_triggers();
  return performance;
}

RecordedPerformance strokes_of(const MidiFile& file, const DrumMap& map, double double_trigger_ms) {
  std::vector<TickedStroke> ticked;
  RecordedPerformance performance = filtered_notes(file, map, double_trigger_ms, ticked);
  performance.strokes.reserve(ticked.size());
  for (const TickedStroke& t : ticked) performance.strokes.push_back(t.stroke);
  return performance;
}

std::optional<Meter> meter_of(const MidiFile& file) {
  if (file.time_signatures.empty()) return std::nullopt;
  const TimeSignatureChange& first = file.time_signatures.front();
  Meter meter{first.beats, first.unit};
  try {
    validate(meter);
  } catch (const std::invalid_argument&) {
    return std::nullopt;
  }
  return meter;
}

Grid grid_from_tempo_map(const MidiFile& file, const MeterCycle& meters, int slots_per_whole,
                         double start_seconds, Swing swing) {
  validate_grid(slots_per_whole);
  const TickClock clock(file);
  const double ticks_per_slot = 4.0 * file.ticks_per_quarter / slots_per_whole;
  std::vector<Grid::Segment> segments;
  const auto add = [&](std::int64_t tick) {
    const auto t = static_cast<double>(tick);
    // The tempo is constant from this change to the next.
    const double seconds_per_slot = 60.0 / clock.quarter_bpm_at(tick) * 4.0 / slots_per_whole;
    Grid::Segment segment{t / ticks_per_slot, clock.seconds_at(t) + start_seconds,
                          seconds_per_slot};
    if (!segments.empty() && segments.back().slot == segment.slot) {
      segments.back() = segment;
    } else {
      segments.push_back(segment);
    }
  };
  add(0);
  for (const TempoChange& change : file.tempo_changes) {
    if (change.tick > 0) add(change.tick);
  }
  return Grid(std::move(segments), meters, slots_per_whole, swing);
}

}  // namespace pocket
