#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "sticking.hpp"
#include "timing_stats.hpp"

namespace pocket {

// How loud a set of strokes was, in MIDI velocity: only ever compared within one kit, since
// modules map force to velocity each their own way.
struct VelocityStats {
  std::int64_t strokes = 0;
  double mean = 0.0;
  double sd = 0.0;  // sample standard deviation
  // The coefficient of variation: how even, 0 for every stroke alike.
  double cv() const { return mean > 0.0 ? sd / mean : 0.0; }
};

VelocityStats velocity_stats(std::span<const int> velocities);

struct HandStats {
  Hand hand = Hand::none;
  TimingStats timing;
  VelocityStats velocity;
};

// The two hands side by side, when each played at least two strokes. A difference counts only
// when it is larger than the measuring error (`measuring_error_ms` for timing, one velocity
// step for loudness) and than twice the standard error the hands' own spread leaves on it.
struct HandComparison {
  double left_later_ms = 0.0;  // the left hand's mean offset less the right's
  double left_softer = 0.0;    // 1 - left mean velocity / right mean velocity
  bool timing_differs = false;
  bool loudness_differs = false;
  std::string sentence;  // "the left hand sits 6 ms behind the right and plays 18 % softer"
};

std::optional<HandComparison> compare_hands(std::span<const HandStats> hands,
                                            double measuring_error_ms);

}  // namespace pocket
