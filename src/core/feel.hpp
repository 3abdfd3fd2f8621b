#pragma once

#include <cstddef>
#include <vector>

#include "scored_stroke.hpp"

namespace pocket {

// Feel: where a player means each pad to sit against the grid, in ms (a snare laid back at +10,
// a hi-hat pushed at -5). A stroke is matched and timed against its slot plus that intention.
struct Feel {
  std::vector<double> ms_by_pad;  // by pad index; a pad past the end means 0

  bool empty() const {
    for (const double ms : ms_by_pad)
      if (ms != 0.0) return false;
    return true;
  }
  double ms(int pad) const {
    const auto i = static_cast<std::size_t>(pad);
    return i < ms_by_pad.size() ? ms_by_pad[i] : 0.0;
  }
  // When the stroke would have sounded had its pad aimed at the grid itself.
  double seconds_on_grid(const Stroke& s) const { return s.seconds - ms(s.pad) / 1000.0; }
};

inline constexpr double kMaxFeelMs = 50.0;

}  // namespace pocket
