#include "timing_stats.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <vector>

namespace pocket {

TimingStats timing_stats(std::span<const TimedOffset> offsets) {
  TimingStats stats;
  const auto n = static_cast<std::int64_t>(offsets.size());
  stats.hits = n;
  if (n == 0) return stats;

  double sum = 0.0, sum_minutes = 0.0;
  std::int64_t within_10 = 0, within_25 = 0;
  std::vector<double> abs_offsets;
  abs_offsets.reserve(offsets.size());
  for (const TimedOffset& o : offsets) {
    sum += o.offset_ms;
    sum_minutes += o.seconds / 60.0;
    const double a = std::abs(o.offset_ms);
    abs_offsets.push_back(a);
    within_10 += a <= 10.0;
    within_25 += a <= 25.0;
  }
  const double mean = sum / n;
  const double mean_minutes = sum_minutes / n;
  double ss = 0.0, sxx = 0.0, sxy = 0.0;
  double first = offsets.front().seconds, last = first;
  for (const TimedOffset& o : offsets) {
    const double dy = o.offset_ms - mean;
    const double dx = o.seconds / 60.0 - mean_minutes;
    ss += dy * dy;
    sxx += dx * dx;
    sxy += dx * dy;
    first = std::min(first, o.seconds);
    last = std::max(last, o.seconds);
  }
  stats.mean_offset_ms = mean;
  stats.sd_offset_ms = n > 1 ? std::sqrt(ss / (n - 1)) : 0.0;
  stats.within_10ms = static_cast<double>(within_10) / n;
  stats.within_25ms = static_cast<double>(within_25) / n;
  stats.span_minutes = (last - first) / 60.0;

  const auto middle = abs_offsets.begin() + n / 2;
  std::nth_element(abs_offsets.begin(), middle, abs_offsets.end());
  stats.median_abs_offset_ms = *middle;
  if (n % 2 == 0) {
    stats.median_abs_offset_ms = (*middle + *std::max_element(abs_offsets.begin(), middle)) / 2.0;
  }

  if (n > 2 && sxx > 0.0) {
    const double slope = sxy / sxx;
    const double residual = std::max(0.0, ss - slope * sxy);
    const double standard_error = std::sqrt(residual / (n - 2) / sxx);
    stats.drift_ms_per_min = slope;
    // Offsets exactly on a line leave no error: a slope there is certain, not unknown.
    if (standard_error > 0.0) {
      stats.drift_t = slope / standard_error;
    } else if (slope != 0.0) {
      stats.drift_t = std::copysign(std::numeric_limits<double>::infinity(), slope);
    }
  }
  return stats;
}

void Tally::add_hit(double offset_ms) {
  ++hits;
  within_25ms += std::abs(offset_ms) <= 25.0;
  sum_ms += offset_ms;
  sum_squares_ms += offset_ms * offset_ms;
}

Tally& Tally::operator+=(const Tally& other) {
  hits += other.hits;
  missed += other.missed;
  extra += other.extra;
  within_25ms += other.within_25ms;
  sum_ms += other.sum_ms;
  sum_squares_ms += other.sum_squares_ms;
  return *this;
}

double Tally::mean_ms() const { return hits > 0 ? sum_ms / hits : 0.0; }

double Tally::sd_ms() const {
  if (hits < 2) return 0.0;
  const double variance = (sum_squares_ms - sum_ms * sum_ms / hits) / (hits - 1);
  return std::sqrt(std::max(0.0, variance));
}

double Tally::slots_within_25ms() const {
  const std::int64_t expected = hits + missed;
  return expected > 0 ? static_cast<double>(within_25ms) / expected : 0.0;
}

}  // namespace pocket
