#include "live/session_click_modes.hpp"

namespace pocket {

SessionClickModes::SessionClickModes(const Drill& drill) {
  if (drill.silent_while_tight) silent_.emplace(*drill.silent_while_tight);
  if (drill.quiet_count) quiet_.emplace(*drill.quiet_count);
}

std::optional<SilenceRequest> SessionClickModes::first_gap() const {
  return quiet_ ? std::optional<SilenceRequest>(quiet_->first_gap()) : std::nullopt;
}

SessionClickModes::Decisions SessionClickModes::bar_closed(const BarTally& bar, bool silenced) {
  Decisions decisions;
  if (silent_) decisions.silent_while_tight = silent_->bar_closed(bar);
  if (quiet_) {
    const std::size_t gaps = quiet_->gaps().size();
    decisions.quiet_count = quiet_->bar_closed(bar, silenced);
    if (quiet_->gaps().size() > gaps) decisions.gap_closed = quiet_->gaps().back();
  }
  return decisions;
}

std::vector<QuietGap> SessionClickModes::quiet_gaps() const {
  return quiet_ ? quiet_->gaps() : std::vector<QuietGap>{};
}

}  // namespace pocket
