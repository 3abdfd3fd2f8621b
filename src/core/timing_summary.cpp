#include "timing_summary.hpp"

#include <cmath>

#include <fmt/format.h>

namespace pocket {

namespace {
constexpr double kCentredMs = 2.0;  // a smaller bias is "on the click"
constexpr double kDriftMinT = 3.0;
constexpr double kDriftMinTotalMs = 2.0;
}  // namespace

bool has_drift(const TimingStats& stats) {
  return std::abs(stats.drift_t) >= kDriftMinT &&
         std::abs(stats.drift_ms_per_min) * stats.span_minutes >= kDriftMinTotalMs;
}

std::string describe_timing(const TimingStats& stats) {
  if (stats.hits == 0) return "no strokes matched the grid";
  std::string bias;
  if (std::abs(stats.mean_offset_ms) < kCentredMs) {
    bias = "on the click on average";
  } else {
    bias = fmt::format("{} by {:.0f} ms on average", stats.mean_offset_ms > 0 ? "late" : "early",
                       std::abs(stats.mean_offset_ms));
  }
  std::string drift = "no drift";
  if (has_drift(stats)) {
    drift = fmt::format("{} by {:.1f} ms per minute",
                        stats.drift_ms_per_min < 0 ? "rushing" : "dragging",
                        std::abs(stats.drift_ms_per_min));
  }
  return fmt::format("{}, consistent within {:.0f} ms, {}", bias, stats.sd_offset_ms, drift);
}

}  // namespace pocket
