#include "click_pattern.hpp"

#include <charconv>
#include <stdexcept>

#include <fmt/format.h>

namespace pocket {

void validate(const ClickPattern& pattern) {
  if (pattern.subdivision < 1 || pattern.subdivision > kMaxSubdivision) {
    throw std::invalid_argument(
        fmt::format("subdivision {} is not supported: use 1 to {} clicks per beat",
                    pattern.subdivision, kMaxSubdivision));
  }
  if (pattern.accents.find_first_not_of("Xx.") != std::string::npos) {
    throw std::invalid_argument(fmt::format(
        "accent pattern '{}' may only hold X (accent), x (beat) and . (silent)", pattern.accents));
  }
  if (pattern.gap.play_bars < 0 || pattern.gap.mute_bars < 0 ||
      (pattern.gap.active() && pattern.gap.play_bars == 0)) {
    throw std::invalid_argument(
        fmt::format("gap {}:{} needs at least one bar with the click and one without",
                    pattern.gap.play_bars, pattern.gap.mute_bars));
  }
  if (pattern.count_in_bars < 0) {
    throw std::invalid_argument(
        fmt::format("count-in of {} bars: use 0 or more", pattern.count_in_bars));
  }
}

GapPattern parse_gap(std::string_view text) {
  const auto colon = text.find(':');
  GapPattern gap;
  const auto parse = [](std::string_view part, int& value) {
    const char* end = part.data() + part.size();
    auto [ptr, ec] = std::from_chars(part.data(), end, value);
    return ec == std::errc{} && ptr == end && value >= 0;
  };
  if (colon == std::string_view::npos || !parse(text.substr(0, colon), gap.play_bars) ||
      !parse(text.substr(colon + 1), gap.mute_bars) || gap.play_bars == 0 || gap.mute_bars == 0) {
    throw std::invalid_argument(fmt::format(
        "gap '{}' is not of the form PLAY:MUTE, like 4:4 (4 bars with the click, 4 without)",
        text));
  }
  return gap;
}

std::string accents_for(const ClickPattern& pattern, int beats) {
  if (pattern.accents.empty()) return "X" + std::string(static_cast<std::size_t>(beats - 1), 'x');
  if (static_cast<int>(pattern.accents.size()) != beats) {
    throw std::invalid_argument(
        fmt::format("accent pattern '{}' has {} marks but the bar has {} beats", pattern.accents,
                    pattern.accents.size(), beats));
  }
  return pattern.accents;
}

}  // namespace pocket
