#include "swing.hpp"

#include <cmath>
#include <stdexcept>

#include <fmt/format.h>

namespace pocket {

double Swing::warp(double wholes) const {
  if (!active() || unit <= 0) return wholes;
  const double pairs = wholes * unit / 2.0;
  const double pair = std::floor(pairs);
  const double f = pairs - pair;
  const double s = percent / 100.0;
  const double swung = f < 0.5 ? f * 2.0 * s : s + (f - 0.5) * 2.0 * (1.0 - s);
  return (pair + swung) * 2.0 / unit;
}

Swing resolve_swing(Swing swing, int slots_per_whole) {
  if (!(swing.percent >= 50.0 && swing.percent <= kMaxSwingPercent)) {
    throw std::invalid_argument(
        fmt::format("swing {:.1f} % is out of range: use 50 (straight) to 75 (66.7 is the triplet)",
                    swing.percent));
  }
  if (swing.unit != 0 && swing.unit != 8 && swing.unit != 16) {
    throw std::invalid_argument(
        fmt::format("swing on {}ths is not supported: swing 8ths or 16ths", swing.unit));
  }
  if (swing.unit == 0) swing.unit = slots_per_whole % 16 == 0 ? 16 : 8;
  if (swing.active() && slots_per_whole % swing.unit != 0) {
    throw std::invalid_argument(
        fmt::format("a grid of {} has no {}th notes to swing: use a grid of {} or a multiple of it",
                    slots_per_whole, swing.unit, swing.unit));
  }
  return swing;
}

}  // namespace pocket
