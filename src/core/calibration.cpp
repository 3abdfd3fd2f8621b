#include "calibration.hpp"

#include <algorithm>
#include <cmath>
#include <vector>

namespace pocket {

namespace {
double median(std::vector<double> values) {
  const auto middle = values.begin() + static_cast<long>(values.size() / 2);
  std::nth_element(values.begin(), middle, values.end());
  if (values.size() % 2 == 1) return *middle;
  return (*middle + *std::max_element(values.begin(), middle)) / 2.0;
}
}  // namespace

std::optional<Calibration> calibrate(std::span<const double> offsets_ms) {
  if (offsets_ms.size() < kMinCalibrationStrokes) return std::nullopt;
  const std::vector<double> all(offsets_ms.begin(), offsets_ms.end());
  const double first = median(all);
  std::vector<double> deviations;
  for (const double x : all) deviations.push_back(std::abs(x - first));
  const double limit = std::max(5.0, 3.0 * median(deviations));
  std::vector<double> kept;
  for (const double x : all) {
    if (std::abs(x - first) <= limit) kept.push_back(x);
  }
  if (kept.size() < kMinCalibrationStrokes) return std::nullopt;
  return Calibration{median(kept), kept.size(), all.size() - kept.size()};
}

}  // namespace pocket
