#include "click_pattern.hpp"

#include <algorithm>
#include <charconv>
#include <stdexcept>
#include <vector>

#include <fmt/format.h>

namespace pocket {

void validate(const ClickPattern& pattern) {
  if (pattern.subdivision < 1 || pattern.subdivision > kMaxSubdivision) {
    throw std::invalid_argument(
        fmt::format("subdivision {} is not supported: use 1 to {} clicks per beat",
                    pattern.subdivision, kMaxSubdivision));
  }
  if (pattern.accents.find_first_not_of("Xx.|") != std::string::npos) {
    throw std::invalid_argument(fmt::format(
        "accent pattern '{}' may only hold X (accent), x (beat) and . (silent), and | between "
        "the bars of a meter cycle",
        pattern.accents));
  }
  const RandomMute& mute = pattern.random_mute;
  if (!(mute.percent >= 0.0 && mute.percent <= 100.0) || mute.rise_bars < 0) {
    throw std::invalid_argument(
        fmt::format("random mute of {:g}% over {} bars: use 0 to 100 percent over 1 bar or more",
                    mute.percent, mute.rise_bars));
  }
  if (pattern.gap.play_bars < 0 || pattern.gap.mute_bars < 0 ||
      (pattern.gap.active() && pattern.gap.play_bars == 0)) {
    throw std::invalid_argument(
        fmt::format("gap {}:{} needs at least one bar with the click and one without",
                    pattern.gap.play_bars, pattern.gap.mute_bars));
  }
  if (pattern.count_in_bars < 0 || pattern.count_in_bars > 16) {
    throw std::invalid_argument(
        fmt::format("count-in of {} bars: use 0 to 16", pattern.count_in_bars));
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

std::string accents_for(const ClickPattern& pattern, std::size_t meter_index, std::size_t meters,
                        int beats) {
  if (pattern.accents.empty()) return "X" + std::string(static_cast<std::size_t>(beats - 1), 'x');
  std::vector<std::string_view> groups;
  for (std::string_view rest = pattern.accents;;) {
    const auto bar = rest.find('|');
    groups.push_back(rest.substr(0, bar));
    if (bar == std::string_view::npos) break;
    rest.remove_prefix(bar + 1);
  }
  if (groups.size() > 1 && groups.size() != meters) {
    throw std::invalid_argument(
        fmt::format("accent pattern '{}' has {} groups but the meter cycle has {} meters",
                    pattern.accents, groups.size(), meters));
  }
  const std::string_view marks = groups[groups.size() == 1 ? 0 : meter_index];
  if (static_cast<int>(marks.size()) != beats) {
    throw std::invalid_argument(fmt::format(
        "accent pattern '{}' has {} marks but the bar has {} beats", marks, marks.size(), beats));
  }
  return std::string(marks);
}

namespace {

// A well-mixed 64-bit hash (splitmix64's finaliser): neighbouring clicks get unrelated values.
std::uint64_t mix(std::uint64_t x) {
  x += 0x9e3779b97f4a7c15ULL;
  x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
  x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
  return x ^ (x >> 31);
}

}  // namespace

bool randomly_muted(const RandomMute& mute, std::int64_t bar, int beat, int subdivision) {
  if (!mute.active() || bar < 0) return false;
  const double rise_bars = static_cast<double>(std::max<std::int64_t>(1, mute.rise_bars));
  const double rise = std::min(1.0, static_cast<double>(bar) / rise_bars);
  const double share = mute.percent / 100.0 * rise;
  const auto click = static_cast<std::uint64_t>(bar) * 256 + static_cast<std::uint64_t>(beat) * 8 +
                     static_cast<std::uint64_t>(subdivision);
  const std::uint64_t draw = mix(mix(mute.seed) ^ click);
  return static_cast<double>(draw >> 11) * 0x1.0p-53 < share;
}

}  // namespace pocket
