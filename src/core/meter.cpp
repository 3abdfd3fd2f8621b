#include "meter.hpp"

#include <charconv>
#include <stdexcept>

#include <fmt/format.h>

namespace pocket {

namespace {

bool parse_int(std::string_view text, int& value) {
  const char* end = text.data() + text.size();
  auto [ptr, ec] = std::from_chars(text.data(), end, value);
  return ec == std::errc{} && ptr == end;
}

}  // namespace

void validate(Meter meter) {
  if (meter.beats < 1 || meter.beats > 32) {
    throw std::invalid_argument(
        fmt::format("meter {}: a bar needs 1 to 32 beats", to_string(meter)));
  }
  switch (meter.unit) {
    case 1:
    case 2:
    case 4:
    case 8:
    case 16:
    case 32: return;
    default:
      throw std::invalid_argument(
          fmt::format("meter {}: the beat unit must be 1, 2, 4, 8, 16 or 32", to_string(meter)));
  }
}

Meter parse_meter(std::string_view text) {
  const auto slash = text.find('/');
  Meter meter;
  if (slash == std::string_view::npos || !parse_int(text.substr(0, slash), meter.beats) ||
      !parse_int(text.substr(slash + 1), meter.unit)) {
    throw std::invalid_argument(
        fmt::format("meter '{}' is not of the form BEATS/UNIT, like 4/4 or 7/8", text));
  }
  validate(meter);
  return meter;
}

std::string to_string(Meter meter) { return fmt::format("{}/{}", meter.beats, meter.unit); }

}  // namespace pocket
