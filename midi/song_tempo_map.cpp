#include "song_tempo_map.hpp"

#include <fmt/format.h>

namespace pocket {

std::vector<BarTempo> song_tempo_map(const MidiFile& file, const std::filesystem::path& path,
                                     Meter meter) {
  const std::int64_t ticks_per_bar =
      static_cast<std::int64_t>(file.ticks_per_quarter) * 4 * meter.beats / meter.unit;
  const double unit_per_quarter = meter.unit / 4.0;
  for (const TimeSignatureChange& t : file.time_signatures) {
    if (t.beats != meter.beats || t.unit != meter.unit)
      throw InputFileError(fmt::format(
          "cannot follow the tempo map '{}': it changes the meter to {}/{} at bar {}, and the "
          "session plays {}/{} throughout",
          path.string(), t.beats, t.unit, t.tick / ticks_per_bar + 1, meter.beats, meter.unit));
  }
  std::vector<BarTempo> tempos = {{0, 120.0 * unit_per_quarter}};
  for (const TempoChange& change : file.tempo_changes) {
    const std::int64_t bar = change.tick / ticks_per_bar;
    if (change.tick % ticks_per_bar != 0)
      throw InputFileError(fmt::format(
          "cannot follow the tempo map '{}': its tempo changes inside bar {} (at beat {:.2f}); "
          "pocket follows a song's tempo changes on bar lines",
          path.string(), bar + 1,
          1.0 + static_cast<double>(change.tick % ticks_per_bar) * meter.unit / 4.0 /
                    file.ticks_per_quarter));
    const double bpm = 60e6 / static_cast<double>(change.us_per_quarter) * unit_per_quarter;
    if (tempos.back().bar == bar)
      tempos.back().bpm = bpm;
    else if (tempos.back().bpm != bpm)
      tempos.push_back({bar, bpm});
  }
  return tempos;
}

}  // namespace pocket
