#include "song_tempo_map.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "core/errors.hpp"

namespace pocket {

namespace {

// The song's bars in ticks: each meter from its bar line (and tick) on.
class TickBars {
 public:
  TickBars(Meter meter, int ticks_per_quarter) : ticks_per_quarter_(ticks_per_quarter) {
    runs_.push_back({0, 0, meter});
  }
  std::int64_t ticks_per_bar(Meter m) const {
    return static_cast<std::int64_t>(ticks_per_quarter_) * 4 * m.beats / m.unit;
  }
  // The bar holding `tick`, how far into it the tick is (0 on its bar line), and its meter.
  struct Place {
    std::int64_t bar, ticks_in;
    Meter meter;
  };
  Place place_of(std::int64_t tick) const {
    const auto after = std::upper_bound(runs_.begin(), runs_.end(), tick,
                                        [](std::int64_t t, const Run& r) { return t < r.tick; });
    const Run& run = *(after - 1);
    const std::int64_t per_bar = ticks_per_bar(run.meter);
    return {run.bar + (tick - run.tick) / per_bar, (tick - run.tick) % per_bar, run.meter};
  }
  void change(std::int64_t tick, std::int64_t bar, Meter meter) {
    if (runs_.back().tick == tick)
      runs_.back().meter = meter;
    else
      runs_.push_back({tick, bar, meter});
  }
  std::vector<MeterChange> changes() const {
    std::vector<MeterChange> out;
    for (const Run& r : runs_)
      if (out.empty() || out.back().meter != r.meter) out.push_back({r.bar, r.meter});
    return out;
  }

 private:
  struct Run {
    std::int64_t tick, bar;
    Meter meter;
  };
  int ticks_per_quarter_;
  std::vector<Run> runs_;
};

// Where a change inside a bar falls, in beats of that bar: "beat 2.50".
std::string beat_in_bar(std::int64_t ticks_in, int ticks_per_quarter, Meter meter) {
  return fmt::format("beat {:.2f}",
                     1.0 + static_cast<double>(ticks_in) * meter.unit / 4.0 / ticks_per_quarter);
}

}  // namespace

SongTempoMap song_tempo_map(const MidiFile& file, const std::filesystem::path& path, Meter meter) {
  std::vector<TimeSignatureChange> signatures = file.time_signatures;
  std::stable_sort(signatures.begin(), signatures.end(),
                   [](const auto& a, const auto& b) { return a.tick < b.tick; });
  TickBars bars(meter, file.ticks_per_quarter);
  for (const TimeSignatureChange& t : signatures) {
    const auto [bar, ticks_in, in_meter] = bars.place_of(t.tick);
    const Meter to{t.beats, t.unit};
    if (ticks_in != 0)
      throw InputFileError(fmt::format(
          "cannot follow the tempo map '{}': its meter changes to {} inside bar {} (at {}); "
          "pocket follows a song's meter changes on bar lines",
          path.string(), to_string(to), bar + 1,
          beat_in_bar(ticks_in, file.ticks_per_quarter, in_meter)));
    try {
      validate(to);
    } catch (const std::invalid_argument& e) {
      throw InputFileError(fmt::format("cannot follow the tempo map '{}' at bar {}: {}",
                                       path.string(), bar + 1, e.what()));
    }
    bars.change(t.tick, bar, to);
  }
  SongTempoMap map{{}, MeterCycle(meter)};
  try {
    map.meters = MeterCycle::of_song(bars.changes());
  } catch (const std::invalid_argument& e) {
    throw InputFileError(
        fmt::format("cannot follow the tempo map '{}': {}", path.string(), e.what()));
  }
  // Tempos count the first meter's unit, as the click's do.
  const double unit_per_quarter = map.meters.tempo_unit() / 4.0;
  map.tempos.push_back({0, 120.0 * unit_per_quarter});
  for (const TempoChange& change : file.tempo_changes) {
    const auto [bar, ticks_in, in_meter] = bars.place_of(change.tick);
    if (ticks_in != 0)
      throw InputFileError(fmt::format(
          "cannot follow the tempo map '{}': its tempo changes inside bar {} (at {}); "
          "pocket follows a song's tempo changes on bar lines",
          path.string(), bar + 1, beat_in_bar(ticks_in, file.ticks_per_quarter, in_meter)));
    const double bpm = 60e6 / static_cast<double>(change.us_per_quarter) * unit_per_quarter;
    if (map.tempos.back().bar == bar)
      map.tempos.back().bpm = bpm;
    else if (map.tempos.back().bpm != bpm)
      map.tempos.push_back({bar, bpm});
  }
  return map;
}

std::vector<std::int64_t> change_bars(const std::vector<BarTempo>& tempos,
                                      const MeterCycle& meters) {
  std::vector<std::int64_t> bars = {0};
  for (const BarTempo& t : tempos) bars.push_back(t.bar);
  for (const MeterCycle::Run& r : meters.runs()) bars.push_back(r.first_bar);
  std::sort(bars.begin(), bars.end());
  bars.erase(std::unique(bars.begin(), bars.end()), bars.end());
  return bars;
}

}  // namespace pocket
