#pragma once

#include <random>

namespace pocket {

// How a steady human drummer's strokes fall around the click: a small bias, Gaussian jitter,
// and a tempo above which the timing comes apart (the jitter grows with every BPM past it),
// so that a ladder played by it ends at a real limit. Seeded: the same seed plays the same.
struct HumanTiming {
  double bias_ms = 3.0;
  double jitter_ms = 6.0;
  double limit_bpm = 110.0;
  double growth_ms_per_bpm = 8.0;  // extra jitter (SD) per BPM above the limit
  unsigned seed = 7;
};

class HumanDrummer {
 public:
  explicit HumanDrummer(HumanTiming timing) : timing_(timing), random_(timing.seed) {}
  // Where the next stroke at `bpm` lands from its click, in ms (negative: early).
  double next_offset_ms(double bpm);

 private:
  HumanTiming timing_;
  std::mt19937 random_;
  std::normal_distribution<double> normal_{0.0, 1.0};
};

}  // namespace pocket
