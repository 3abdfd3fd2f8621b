// How many strokes pocket scores per second: a 100 000-stroke performance, from the bytes of
// its MIDI file to the full analysis, and the analysis alone. Prints key=value words for
// scripts/bench.
#include <chrono>

#include <fmt/format.h>

#include "bench_groove.hpp"
#include "core/analysis.hpp"
#include "midi/recorded_performance.hpp"
#include "support/shipped_presets.hpp"

namespace {

template <typename F>
double best_seconds(int runs, F&& work) {
  double best = 1e300;
  for (int i = 0; i < runs; ++i) {
    const auto start = std::chrono::steady_clock::now();
    work();
    best = std::min(
        best, std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
  }
  return best;
}

}  // namespace

int main() {
  using namespace pocket;
  // 100 000 strokes: 6250 bars of 16, three and a half hours at 120 BPM.
  const test::SyntheticPerformance performance = test::perform(test::bench_groove(6250));
  const DrumMap map = pocket::test::shipped_kit("gm");

  std::size_t strokes = 0;
  const double whole = best_seconds(5, [&] {
    const MidiFile file = parse_midi_file(performance.midi, "bench.mid");
    const RecordedPerformance recorded = strokes_of(file, map);
    const Analysis analysis =
        analyze(recorded.strokes, grid_from_tempo_map(file, {4, 4}, 16), recorded.pad_names);
    strokes = static_cast<std::size_t>(analysis.timing.hits);
  });
  const MidiFile file = parse_midi_file(performance.midi, "bench.mid");
  const RecordedPerformance recorded = strokes_of(file, map);
  const Grid grid = grid_from_tempo_map(file, {4, 4}, 16);
  const double analysis_only =
      best_seconds(5, [&] { analyze(recorded.strokes, grid, recorded.pad_names); });

  fmt::print(
      "strokes={} runs=5 whole_ms={:.1f} whole_mstrokes_per_s={:.2f} analysis_ms={:.1f} "
      "analysis_mstrokes_per_s={:.2f}\n",
      strokes, whole * 1e3, strokes / whole / 1e6, analysis_only * 1e3,
      strokes / analysis_only / 1e6);
  return 0;
}
