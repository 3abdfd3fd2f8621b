#pragma once

#include <cstdint>
#include <vector>

#include "grid.hpp"
#include "schedule.hpp"

namespace pocket {

// A run of bars the player's click mode silenced.
struct SilentStretch {
  std::int64_t first_bar = 0;
  std::int64_t bars = 0;
  double seconds = 0.0;
};

// What the click actually played, as the session thread hears of it from the audio thread:
// which clicks were left out and which bars the player's click mode silenced. Clock-free.
// [session thread]
class ClickLog {
 public:
  // `grid`'s bar structure places each click among the slots; it must outlive the log.
  explicit ClickLog(const Grid& grid) : grid_(grid) {}

  // A click of the drill (bars from 0), in time order.
  void add(const ClickEvent& click, int subdivision);

  // Whether the click a slot answered was heard: the click on the slot, else the last click
  // before it. True before the first click.
  bool heard_at(std::int64_t slot) const;
  bool silenced(std::int64_t bar) const;

  std::int64_t clicks() const { return static_cast<std::int64_t>(clicks_.size()); }
  std::int64_t left_out(MuteReason reason) const;
  // Runs of silenced bars, with their length in seconds on `timed` (the session's final grid).
  std::vector<SilentStretch> silent_stretches(const Grid& timed) const;

 private:
  struct Click {
    double slot;  // may fall between slots when the clicks are finer than the grid
    MuteReason muted_by;
  };
  const Grid& grid_;
  std::vector<Click> clicks_;
  std::vector<std::int64_t> silenced_bars_;  // in order
};

}  // namespace pocket
