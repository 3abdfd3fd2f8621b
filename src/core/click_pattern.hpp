#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace pocket {

enum class ClickLevel : std::uint8_t { accent, beat, subdivision };

// Gap-click practice: after the count-in, play_bars with the click, then mute_bars without,
// repeated. The player keeps time alone through the muted bars.
struct GapPattern {
  int play_bars = 0;
  int mute_bars = 0;  // 0: no gap, every bar is heard

  bool active() const { return mute_bars > 0; }
};

// What the click plays over a tempo map.
struct ClickPattern {
  int subdivision = 1;  // clicks per beat, 1..6
  // One mark per beat of the bar: 'X' accent, 'x' plain beat, '.' silent beat.
  // Empty: accent on the downbeat, plain beats after it.
  std::string accents;
  GapPattern gap;
  int count_in_bars = 0;  // audible bars before the drill, at its first tempo and meter
};

inline constexpr int kMaxSubdivision = 6;

// Throws std::invalid_argument naming what is wrong.
void validate(const ClickPattern& pattern);

// Parses "4:2" (play 4 bars, mute 2). Throws std::invalid_argument on bad input.
GapPattern parse_gap(std::string_view text);

// The accent marks for a bar of `beats` beats: the pattern's own, or the default.
// Throws std::invalid_argument when a non-empty pattern has a different length.
std::string accents_for(const ClickPattern& pattern, int beats);

}  // namespace pocket
