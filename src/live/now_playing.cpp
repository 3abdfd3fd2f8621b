#include "live/now_playing.hpp"

namespace pocket {

NowPlaying::NowPlaying(std::int64_t first_bar, double sample_rate) : rate_(sample_rate) {
  now_.bar = first_bar;
}

bool NowPlaying::advance(double now) {
  bool moved = false;
  while (!coming_.empty() && static_cast<double>(coming_.front().frame) / rate_ <= now) {
    now_ = coming_.front();
    coming_.pop_front();
    moved = true;
  }
  return moved;
}

ClickState click_state(const ClickEvent& now_playing, bool pausing, bool held,
                       ClickState silenced_as) {
  if (held) return ClickState::paused;
  if (pausing) return ClickState::pausing;
  if (now_playing.bar < 0) return ClickState::count_in;
  switch (now_playing.muted_by) {
    case MuteReason::silenced: return silenced_as;
    case MuteReason::random: return ClickState::muted;
    case MuteReason::gap: return ClickState::gap;
    case MuteReason::rest:  // a '.' beat of the drill: the click is as the drill wants it
    case MuteReason::none: break;
  }
  return ClickState::heard;
}

}  // namespace pocket
