#pragma once

#include <cstddef>
#include <optional>
#include <span>

namespace pocket {

struct Calibration {
  double offset_ms = 0.0;    // the median offset of the strokes kept
  std::size_t used = 0;      // strokes kept
  std::size_t rejected = 0;  // outliers left out
};

inline constexpr std::size_t kMinCalibrationStrokes = 8;

// The player's loop offset from strokes played along with a click: the median after leaving
// out strokes more than 3 median absolute deviations (at least 5 ms) from the first median.
// Nothing when fewer than kMinCalibrationStrokes strokes remain.
std::optional<Calibration> calibrate(std::span<const double> offsets_ms);

}  // namespace pocket
