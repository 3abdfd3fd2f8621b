#include "live/click_sections.hpp"

#include <algorithm>

namespace pocket {

ClickSections::Kind ClickSections::started(const SectionStart& s) {
  if (s.held) {
    held_ = s;
    return Kind::hold;
  }
  const Kind kind = held_ ? Kind::resume : Kind::tempo;
  if (held_) {  // the player went on: the held bar starts again here
    const Span span{held_->first_bar, held_->start_seconds, s.start_seconds};
    if (waiting()) {
      wait_ = span;
    } else {
      pauses_.push_back(span);
    }
    held_.reset();
  }
  lowest_bpm_ = std::min(lowest_bpm_, s.bpm);
  highest_bpm_ = std::max(highest_bpm_, s.bpm);
  return kind;
}

double ClickSections::half_slot_seconds(std::int64_t bar, const Grid& grid) const {
  return grid.slot_seconds(grid.first_slot_of_bar(bar)) / 2.0;
}

bool ClickSections::in_pause(double seconds, const Grid& grid) const {
  if (held_ && seconds >= held_->start_seconds - half_slot_seconds(held_->first_bar, grid))
    return true;
  // A stroke is read a little after it was played: the click may have gone on meanwhile.
  const auto within = [&](const Span& s) {
    const double half_slot = half_slot_seconds(s.bar, grid);
    return seconds >= s.from_seconds - half_slot && seconds < s.to_seconds - half_slot;
  };
  return (wait_ && within(*wait_)) || std::any_of(pauses_.begin(), pauses_.end(), within);
}

double ClickSections::closable_until(double until, const Grid& grid) const {
  if (!held_) return until;
  const double slot = 2.0 * half_slot_seconds(held_->first_bar, grid);
  return std::min(until, held_->start_seconds + 0.75 * slot);
}

double ClickSections::holding_for(double now) const {
  return held_ ? std::max(0.0, now - held_->start_seconds) : 0.0;
}

double ClickSections::paused_seconds(double now) const {
  double paused = waiting() ? 0.0 : holding_for(now);
  for (const Span& s : pauses_) paused += s.to_seconds - s.from_seconds;
  return paused;
}

double ClickSections::waited_seconds(double now) const {
  if (waiting()) return holding_for(now);
  return wait_ ? wait_->to_seconds - wait_->from_seconds : 0.0;
}

std::vector<ClickPause> ClickSections::pauses(double now) const {
  std::vector<ClickPause> all;
  for (const Span& s : pauses_)
    all.push_back({s.bar, s.from_seconds, s.to_seconds - s.from_seconds});
  if (held_ && !waiting() && now > held_->start_seconds)  // its bar line has been reached
    all.push_back({held_->first_bar, held_->start_seconds, holding_for(now)});
  return all;
}

}  // namespace pocket
