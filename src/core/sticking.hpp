#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace pocket {

enum class Hand : std::uint8_t { none, right, left, both };

// "right", "left", "both"; "" for none.
std::string_view to_string(Hand hand);

// Which hand plays each slot of a bar: R right, L left, B both, '.' (or '-') no stroke; '|' and
// spaces only separate for the eye. A line shorter than the bar repeats ("RL" alternates).
struct StickingLine {
  std::string pad;    // a pad of the kit; empty: every pad (a drill on one pad, or a plain grid)
  std::string marks;  // e.g. "RLRR LRLL"
};

// The marks without separators. Throws std::invalid_argument on a mark that is none of the above.
std::string sticking_marks(std::string_view line);

// Throws std::invalid_argument unless the line's marks repeat evenly over `positions`.
void check_sticking(const StickingLine& line, int positions);

// The hand of each stroke, by its pad and its position in the bar (or meter cycle).
class Sticking {
 public:
  Sticking() = default;
  // Throws std::invalid_argument for a pad the kit does not have, or a line that does not fit.
  Sticking(std::span<const StickingLine> lines, std::span<const std::string> pad_names,
           int positions);

  bool empty() const { return every_pad_.empty() && by_pad_.empty(); }
  // A pad's own line first, then the line for every pad; none without either.
  Hand hand_of(int pad, int position) const;

 private:
  std::vector<Hand> every_pad_;            // per position
  std::vector<std::vector<Hand>> by_pad_;  // per pad index, per position; empty: no line
};

}  // namespace pocket
