#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "drum_map.hpp"

namespace pocket {

// One pad's line of a groove pattern over one bar of the grid (or one meter cycle):
// 'x' a stroke, 'X' an accent, 'g' a ghost note, '.' (or '-') none; '|' and spaces only
// separate for the eye.
struct PadPattern {
  std::string pad;    // a pad name of the kit, e.g. "kick"
  std::string marks;  // e.g. "x.......x......."
};

// How loud a pattern asks a stroke to be.
enum class Level : std::uint8_t { none, ghost, normal, accent };

// The marks of a pattern line without separators, every stroke as 'x'; throws
// std::invalid_argument on a mark that is none of the above.
std::string pattern_marks(std::string_view line);

// Throws std::invalid_argument unless the line's pad is a pad name and its marks fill the
// `positions` of a bar of the grid (of a meter cycle when `cycle`).
void check_pattern(const PadPattern& line, int positions, bool cycle);

// Which positions of the meter cycle each pad is expected to strike. Default-constructed, it
// is a plain grid: every slot is expected, of whichever pad strikes it.
class ExpectedStrokes {
 public:
  ExpectedStrokes() = default;
  // Throws std::invalid_argument naming the pad for a pad the kit does not have, a line of
  // the wrong length, or a bad mark.
  // `positions`: of one bar of the grid, or of one meter cycle when `cycle`.
  ExpectedStrokes(std::span<const PadPattern> patterns, std::span<const std::string> pad_names,
                  int positions, bool cycle = false);

  bool plain() const { return by_pad_.empty(); }
  // With a pattern: whether `pad` is expected on `position`; a pad without a line never is.
  bool expects(int pad, int position) const;
  // The pads that have a line, in pad order.
  std::vector<int> pads() const;
  // How loud the pattern asks `pad` to be at `position`; none where it expects nothing.
  Level level(int pad, int position) const;
  // Whether any line marks an accent or a ghost note.
  bool has_dynamics() const { return has_dynamics_; }

 private:
  std::vector<std::vector<Level>> by_pad_;  // per pad index: the level asked per position
  bool has_dynamics_ = false;
};

}  // namespace pocket
