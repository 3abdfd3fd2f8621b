#pragma once

#include <chrono>

namespace pocket {

// Lets a view redraw at most 30 times a second, however often it is told something changed.
// Takes the time from its caller, so it can be tested without a clock.
class RedrawPacer {
 public:
  using Clock = std::chrono::steady_clock;
  static constexpr auto kFrame =
      std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(1.0 / 30.0));

  // Whether a redraw at `now` keeps within 30 a second; if so, it counts as done.
  bool due(Clock::time_point now) {
    if (drawn_ && now - last_ < kFrame) return false;
    drawn_ = true;
    last_ = now;
    return true;
  }

 private:
  bool drawn_ = false;
  Clock::time_point last_{};
};

}  // namespace pocket
