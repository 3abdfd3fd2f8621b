#include "live/click_sections.hpp"

#include <algorithm>

namespace pocket {

ClickSections::Kind ClickSections::started(const SectionStart& s) {
  if (s.held) {
    held_ = s;
    return Kind::hold;
  }
  const Kind kind = held_ ? Kind::resume : Kind::tempo;
  if (held_) {  // the player resumed: the held bar starts again here
    paused_seconds_ += s.start_seconds - held_->start_seconds;
    held_.reset();
  }
  lowest_bpm_ = std::min(lowest_bpm_, s.bpm);
  highest_bpm_ = std::max(highest_bpm_, s.bpm);
  return kind;
}

double ClickSections::held_bar_slot_seconds(const Grid& grid) const {
  return grid.slot_seconds(grid.first_slot_of_bar(held_->first_bar));
}

bool ClickSections::in_pause(double seconds, const Grid& grid) const {
  if (!held_) return false;
  return seconds >= held_->start_seconds - held_bar_slot_seconds(grid) / 2.0;
}

double ClickSections::closable_until(double until, const Grid& grid) const {
  if (!held_) return until;
  return std::min(until, held_->start_seconds + 0.75 * held_bar_slot_seconds(grid));
}

double ClickSections::paused_seconds(double now) const {
  return paused_seconds_ + (held_ ? std::max(0.0, now - held_->start_seconds) : 0.0);
}

}  // namespace pocket
