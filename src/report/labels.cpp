#include "labels.hpp"

#include <cmath>

#include <fmt/format.h>

namespace pocket::labels {

namespace {

double finite_or_zero(double value) { return std::isfinite(value) ? value : 0.0; }

}  // namespace

std::string one_decimal(double value) {
  const double rounded = std::round(finite_or_zero(value) * 10.0) / 10.0;
  if (rounded == 0.0) return "0";  // also turns -0 into 0
  std::string text = fmt::format("{:.1f}", rounded);
  if (text.ends_with(".0")) text.resize(text.size() - 2);
  return text;
}

std::string bpm(double value) { return one_decimal(value) + " BPM"; }

std::string ms(double value) {
  // Rounded half away from zero first, as people do: 25.25 reads "25.3", not "25.2".
  const double rounded = std::round(finite_or_zero(value) * 10.0) / 10.0;
  return fmt::format("{:.1f} ms", rounded == 0.0 ? 0.0 : rounded);
}

std::string percent(double share) { return fmt::format("{:.0f}%", finite_or_zero(share) * 100.0); }

}  // namespace pocket::labels
