#pragma once

#include <cstdint>
#include <deque>

#include "core/schedule.hpp"
#include "live/session_events.hpp"

namespace pocket {

// The click being heard now, out of those the audio thread rendered ahead. Clock-free: the
// caller says what time it is on the click track. [session thread]
class NowPlaying {
 public:
  NowPlaying(std::int64_t first_bar, double sample_rate);

  void rendered(const ClickEvent& click) { coming_.push_back(click); }
  // Moves on to the last click heard by `now` seconds; true when it moved.
  bool advance(double now);
  const ClickEvent& click() const { return now_; }

 private:
  double rate_;
  std::deque<ClickEvent> coming_;  // rendered, not heard yet
  ClickEvent now_;
};

// What the click does now, for the views. `pausing`: a pause was asked for; `held`: the click
// holds for it; `silenced_as`: what a bar a click mode silenced is.
ClickState click_state(const ClickEvent& now_playing, bool pausing, bool held,
                       ClickState silenced_as);

}  // namespace pocket
