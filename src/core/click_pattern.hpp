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

// Clicks left out at random, a share that rises from 0 at bar 0 to `percent` at `rise_bars`
// and stays there. Seeded: the same seed leaves out the same clicks.
struct RandomMute {
  double percent = 0.0;        // 0..100; 0: off
  std::int64_t rise_bars = 0;  // bars over which the share rises; 0: over the drill (see Drill)
  std::uint64_t seed = 1;

  bool active() const { return percent > 0.0; }
};

// Whether the random mute leaves out the click at (bar, beat, subdivision); never in the
// count-in. Pure arithmetic, so the audio thread may call it.
bool randomly_muted(const RandomMute& mute, std::int64_t bar, int beat, int subdivision);

// What the click plays over a tempo map.
struct ClickPattern {
  int subdivision = 1;  // clicks per beat, 1..6
  // One mark per beat of the bar: 'X' accent, 'x' plain beat, '.' silent beat. For a cycle of
  // meters, one group per meter separated by '|' ("XxXxXxx|Xxxx"). Empty: accent on the
  // downbeat, plain beats after it.
  std::string accents;
  GapPattern gap;
  RandomMute random_mute;
  int count_in_bars = 0;  // audible bars before the drill, at its first tempo and meter
};

inline constexpr int kMaxSubdivision = 6;

// Throws std::invalid_argument naming what is wrong.
void validate(const ClickPattern& pattern);

// Parses "4:2" (play 4 bars, mute 2). Throws std::invalid_argument on bad input.
GapPattern parse_gap(std::string_view text);

// The accent marks for a bar of `beats` beats, the `meter_index`th meter of a cycle of
// `meters`: the pattern's own (its group for that meter), or the default. Throws
// std::invalid_argument when the marks do not fit the bar or the groups the cycle.
std::string accents_for(const ClickPattern& pattern, std::size_t meter_index, std::size_t meters,
                        int beats);

}  // namespace pocket
