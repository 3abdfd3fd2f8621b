#include "tempo_text.hpp"

#include <cmath>

#include <fmt/format.h>

namespace pocket {

namespace {

// Half away from zero, as people round: 152.45 reads 152.5. Zero has no sign.
double rounded_to_tenths(double value) {
  const double rounded = std::isfinite(value) ? std::round(value * 10.0) / 10.0 : 0.0;
  return rounded == 0.0 ? 0.0 : rounded;
}

}  // namespace

std::string format_one_decimal(double value) {
  std::string text = fmt::format("{:.1f}", rounded_to_tenths(value));
  if (text.ends_with(".0")) text.resize(text.size() - 2);
  return text;
}

std::string format_bpm(double bpm) { return format_one_decimal(bpm) + " BPM"; }

std::string format_bpm_change(double bpm_per_week, bool with_sign) {
  const double rounded = rounded_to_tenths(bpm_per_week);
  return with_sign ? fmt::format("{:+.1f}", rounded) : fmt::format("{:.1f}", std::abs(rounded));
}

std::string song_played_text(const std::string& file, const std::string& section, double lowest,
                             double highest) {
  const std::string bars = section.empty() ? "" : "bars " + section + " of ";
  if (std::lround(lowest * 100.0) == std::lround(highest * 100.0))
    return fmt::format("{}{} at {:.0f} %", bars, file, lowest * 100.0);
  return fmt::format("{}{} from {:.0f} % to {:.0f} %", bars, file, lowest * 100.0, highest * 100.0);
}

}  // namespace pocket
