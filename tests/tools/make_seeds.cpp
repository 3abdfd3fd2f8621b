// Writes the example performances of seeds/ and what was played in each: the same bytes on
// every run. Usage: make_seeds OUTPUT_FOLDER
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>

#include <nlohmann/json.hpp>

#include "seed_performances.hpp"

namespace {
double two_places(double value) { return std::round(value * 100.0) / 100.0; }
}  // namespace

int main(int argc, char** argv) {
  using namespace pocket::test;
  if (argc != 2) {
    std::fprintf(stderr, "usage: make_seeds OUTPUT_FOLDER\n");
    return 2;
  }
  const std::filesystem::path folder = argv[1];
  std::filesystem::create_directories(folder);
  for (const SeedPerformance& seed : seed_performances()) {
    const SyntheticPerformance performance = perform(seed.spec);
    std::ofstream(folder / (seed.name + ".mid"), std::ios::binary)
        .write(reinterpret_cast<const char*>(performance.midi.data()),
               static_cast<std::streamsize>(performance.midi.size()));
    const TruthStats truth = truth_stats(performance.strokes);
    const nlohmann::json played = {{"description", seed.description},
                                   {"seed", seed.spec.seed},
                                   {"strokes", performance.strokes.size()},
                                   {"double_triggers", performance.double_triggers},
                                   {"missed_slots", performance.missed_slots},
                                   {"mean_offset_ms", two_places(truth.mean_ms)},
                                   {"sd_offset_ms", two_places(truth.sd_ms)},
                                   {"drift_ms_per_min", two_places(truth.drift_ms_per_min)}};
    std::ofstream(folder / (seed.name + ".played.json")) << played.dump(2) << "\n";
    std::printf("%s.mid: %s\n", seed.name.c_str(), seed.description.c_str());
  }
  return 0;
}
