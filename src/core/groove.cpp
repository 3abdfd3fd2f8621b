#include "groove.hpp"

#include <charconv>
#include <cmath>
#include <stdexcept>

#include <fmt/format.h>

#include "drill.hpp"
#include "grid.hpp"

namespace pocket {

double parse_tempo_percent(const std::string& text) {
  double percent = 0.0;
  const char* end = text.data() + text.size();
  const auto [ptr, ec] = std::from_chars(text.data(), end, percent);
  if (ec != std::errc{} || ptr + 1 != end || *ptr != '%' || !(percent >= 10.0 && percent <= 400.0))
    throw std::invalid_argument(
        fmt::format("'{}': a share of the tempo is 10% to 400%, like 80%", text));
  return percent;
}

namespace {

double share(double bpm, double percent) { return std::round(bpm * percent) / 100.0; }

// The tempos the settings give as shares of the groove's.
void take_tempo(Drill& d, const GrooveSettings& s, double groove_bpm) {
  if (d.ladder) {
    if (s.from_percent) d.ladder->start_bpm = share(groove_bpm, *s.from_percent);
    if (s.to_percent) d.ladder->target_bpm = share(groove_bpm, *s.to_percent);
  } else if (s.tempo_percent) {
    d.bpm = share(groove_bpm, *s.tempo_percent);
  }
}

}  // namespace

void play_groove(Drill& d, const Groove& groove) {
  if (!d.groove) throw std::logic_error("play_groove: the drill has no groove settings");
  const GrooveSettings& settings = *d.groove;
  if (groove.notes.empty() || groove.bars.empty())
    throw std::invalid_argument(
        fmt::format("the groove {} has no note its kit map knows", groove.name));
  if (d.grid == 0) d.grid = 16;
  d.meters = MeterCycle(groove.bars);
  take_tempo(d, settings, groove.bpm());
  // The grid in wholes: a whole note a second makes seconds and wholes one.
  const double whole_bpm = 60.0 * d.meters.tempo_unit();
  const Grid grid = Grid::constant(whole_bpm, d.meters, d.grid, 0.0, d.swing);
  const int positions = grid.positions();

  std::vector<std::string> marks(groove.pad_names.size());
  d.placements.clear();
  for (const GrooveNote& note : groove.notes) {
    const std::int64_t slot = grid.nearest_slot(note.wholes);
    // A note snapped past the groove's end (a last downbeat played early) opens it again.
    const int position = static_cast<int>(((slot % positions) + positions) % positions);
    std::string& line = marks[static_cast<std::size_t>(note.pad)];
    if (line.empty()) line.assign(static_cast<std::size_t>(positions), '.');
    if (line[static_cast<std::size_t>(position)] == 'x') continue;
    line[static_cast<std::size_t>(position)] = 'x';
    if (settings.target == GrooveTarget::performance) {
      const std::string& pad = groove.pad_names[static_cast<std::size_t>(note.pad)];
      d.placements[{pad, position}] =
          (note.wholes - grid.seconds_of(slot)) / grid.slot_seconds(slot);
    }
  }
  d.pattern.clear();
  for (std::size_t pad = 0; pad < marks.size(); ++pad) {
    if (!marks[pad].empty()) d.pattern.push_back({groove.pad_names[pad], marks[pad]});
  }
  const auto bars = static_cast<std::int64_t>(groove.bars.size());
  if (!settings.loop) {
    if (d.ladder) {
      d.ladder->bars_per_step = static_cast<int>(bars);
    } else {
      d.bars = bars;
    }
  }
}

}  // namespace pocket
