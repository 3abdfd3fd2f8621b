#pragma once

#include <optional>
#include <vector>

#include "core/click_modes.hpp"
#include "core/drill.hpp"
#include "live/session_events.hpp"

namespace pocket {

// The player's click modes in a live session (silent while tight, quiet count): each decides
// at bar lines, from the closed bars, when the click goes silent and when it comes back.
// Clock-free. [session thread]
class SessionClickModes {
 public:
  explicit SessionClickModes(const Drill& drill);

  // The quiet count's first gap, silenced before the click starts.
  std::optional<SilenceRequest> first_gap() const;

  // What the modes decided at a closed bar, in the order the click and views hear of it.
  struct Decisions {
    std::optional<SilenceRequest> silent_while_tight;
    std::optional<QuietGap> gap_closed;  // the quiet count's gap that ended, and whether it held
    std::optional<SilenceRequest> quiet_count;
  };
  // `silenced`: the click was left out of the bar.
  Decisions bar_closed(const BarTally& bar, bool silenced);

  // What a bar silenced by a mode is, for the views.
  ClickState silenced_state() const {
    return silent_ ? ClickState::silent_while_tight : ClickState::quiet_count;
  }
  std::vector<QuietGap> quiet_gaps() const;

 private:
  std::optional<SilentWhileTightMode> silent_;
  std::optional<QuietCountMode> quiet_;
};

}  // namespace pocket
