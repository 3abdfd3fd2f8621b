// How many strokes pocket scores per second: a 100 000-stroke performance, from the bytes of
// its MIDI file to the full analysis, and the analysis alone.
#include <chrono>

#include <fmt/format.h>

#include "core/analysis.hpp"
#include "midi/recorded_performance.hpp"
#include "support/shipped_presets.hpp"
#include "support/synthetic_drummer.hpp"

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
  test::DrummerSpec spec;
  spec.bpm = 120.0;
  spec.bars = 6250;  // 16 strokes a bar: 100 000 strokes, 52 minutes
  spec.parts = {{42, {0, 2, 4, 6, 8, 10, 12, 14}, 0.0, 80},
                {36, {0, 3, 8, 11}, 4.0, 110},
                {38, {4, 12}, -3.0, 100},
                {51, {6, 14}, 0.0, 70}};
  spec.jitter_ms = 9.0;
  spec.seed = 7;
  const test::SyntheticPerformance performance = test::perform(spec);
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
      "score: {} strokes; file to analysis {:.1f} ms ({:.2f} M strokes/s); analysis alone {:.1f} "
      "ms "
      "({:.2f} M strokes/s); best of 5\n",
      strokes, whole * 1e3, strokes / whole / 1e6, analysis_only * 1e3,
      strokes / analysis_only / 1e6);
  return 0;
}
