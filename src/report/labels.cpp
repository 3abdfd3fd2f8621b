#include "labels.hpp"

#include <cmath>

#include <fmt/format.h>

namespace pocket::labels {

std::string ms(double value) {
  // Rounded half away from zero first, as people do: 25.25 reads "25.3", not "25.2".
  const double rounded = std::isfinite(value) ? std::round(value * 10.0) / 10.0 : 0.0;
  return fmt::format("{:.1f} ms", rounded == 0.0 ? 0.0 : rounded);
}

std::string percent(double share) {
  return fmt::format("{:.0f}%", std::isfinite(share) ? share * 100.0 : 0.0);
}

std::string times(std::int64_t count) {
  return count == 1 ? "once" : fmt::format("{} times", count);
}

}  // namespace pocket::labels
