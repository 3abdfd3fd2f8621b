#pragma once

#include <chrono>
#include <cstdint>
#include <optional>

namespace pocket {

// Tells from the audio callbacks when a live session's sound has ended: the click played to its
// end (after a moment for the last strokes), or the audio went away before it. Clock-free: the
// caller says the time. [session thread]
class StreamWatch {
 public:
  using Clock = std::chrono::steady_clock;
  explicit StreamWatch(Clock::time_point start) : last_progress_(start) {}

  enum class Verdict { playing, ended, lost };
  // `callbacks`: how many the audio thread has run; `running`: the stream plays;
  // `click_finished`: the click reached its end.
  Verdict check(std::int64_t callbacks, bool running, bool click_finished, Clock::time_point now);

 private:
  std::int64_t last_callbacks_ = -1;
  Clock::time_point last_progress_;
  std::optional<Clock::time_point> ended_at_;
};

}  // namespace pocket
