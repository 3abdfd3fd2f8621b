#include "human_timing.hpp"

#include <algorithm>
#include <cmath>

namespace pocket {

double HumanDrummer::next_offset_ms(double bpm) {
  const double past_limit = std::max(0.0, bpm - timing_.limit_bpm);
  const double extra = past_limit * timing_.growth_ms_per_bpm;
  const double sd = std::sqrt(timing_.jitter_ms * timing_.jitter_ms + extra * extra);
  return timing_.bias_ms + sd * normal_(random_);
}

}  // namespace pocket
