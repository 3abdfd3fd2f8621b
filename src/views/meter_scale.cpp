#include "views/meter_scale.hpp"

#include <algorithm>
#include <cmath>

namespace pocket {

Band band_of(double offset_ms) {
  const double size = std::abs(offset_ms);
  return size <= 10.0 ? Band::tight : size <= 25.0 ? Band::close : Band::loose;
}

MeterScale::MeterScale(int width) : width_(std::max(11, width - (width % 2 == 0 ? 1 : 0))) {}

int MeterScale::column(double offset_ms) const {
  const int half = width_ / 2;
  const double clamped = std::clamp(offset_ms, -kMeterRangeMs, kMeterRangeMs);
  return half + static_cast<int>(std::lround(clamped / kMeterRangeMs * half));
}

std::string MeterScale::track() const {
  std::string line(static_cast<std::size_t>(width_), '-');
  for (const double ms : {-25.0, 25.0}) line[static_cast<std::size_t>(column(ms))] = '|';
  for (const double ms : {-10.0, 10.0}) line[static_cast<std::size_t>(column(ms))] = ':';
  line[static_cast<std::size_t>(column(0.0))] = '+';
  return line;
}

}  // namespace pocket
