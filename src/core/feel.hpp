#pragma once

#include <cstddef>
#include <vector>

#include "grid.hpp"
#include "scored_stroke.hpp"

namespace pocket {

// Feel: where a player means each pad to sit against the grid, in ms (a snare laid back at +10,
// a hi-hat pushed at -5). A stroke is matched and timed against its slot plus that intention.
// A groove's performance target adds a placement per note: by pad and position, in slots.
struct Feel {
  std::vector<double> ms_by_pad;  // by pad index; a pad past the end means 0
  std::vector<std::vector<double>> slots_by_pad_position;  // empty, or by pad then position

  bool empty() const {
    for (const double ms : ms_by_pad)
      if (ms != 0.0) return false;
    return slots_by_pad_position.empty();
  }
  double ms(int pad) const {
    const auto i = static_cast<std::size_t>(pad);
    return i < ms_by_pad.size() ? ms_by_pad[i] : 0.0;
  }
  // When the stroke would have sounded had its pad aimed at the grid itself.
  double seconds_on_grid(const Stroke& s) const { return s.seconds - ms(s.pad) / 1000.0; }
  double placement_slots(int pad, int position) const {
    const auto p = static_cast<std::size_t>(pad);
    if (p >= slots_by_pad_position.size() || position < 0) return 0.0;
    const std::vector<double>& line = slots_by_pad_position[p];
    const auto at = static_cast<std::size_t>(position);
    return at < line.size() ? line[at] : 0.0;
  }
  // How far the stroke lands from where its pad means to sit on `slot`, in ms.
  double offset_ms(const Grid& grid, const Stroke& s, std::int64_t slot) const {
    double aim = grid.seconds_of(slot);
    if (!slots_by_pad_position.empty())
      aim += placement_slots(s.pad, grid.position_of(slot)) * grid.slot_seconds(slot);
    return (seconds_on_grid(s) - aim) * 1000.0;
  }
};

inline constexpr double kMaxFeelMs = 50.0;

}  // namespace pocket
