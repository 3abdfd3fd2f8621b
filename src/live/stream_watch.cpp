#include "live/stream_watch.hpp"

namespace pocket {

namespace {
// No callback for this long: the server went away.
constexpr auto kSilentServer = std::chrono::seconds(1);
// After the click's end, strokes of the last bar may still be on their way.
constexpr auto kLastStrokes = std::chrono::milliseconds(200);
}  // namespace

StreamWatch::Verdict StreamWatch::check(std::int64_t callbacks, bool running, bool click_finished,
                                        Clock::time_point now) {
  if (callbacks != last_callbacks_) {
    last_callbacks_ = callbacks;
    last_progress_ = now;
  } else if (now - last_progress_ > kSilentServer) {
    return Verdict::lost;
  }
  // The stream stopped before the click's end: the server went.
  if (!running && !click_finished) return Verdict::lost;
  if (!running) {
    if (!ended_at_) ended_at_ = now;
    if (now - *ended_at_ > kLastStrokes) return Verdict::ended;
  }
  return Verdict::playing;
}

}  // namespace pocket
