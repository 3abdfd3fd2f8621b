#include "cycle_watch.hpp"

#include <algorithm>

namespace pocket {

std::optional<LateCycle> CycleWatch::next(std::uint32_t server_frame, std::uint32_t frames,
                                          std::int64_t track_frame) {
  std::optional<LateCycle> told;
  if (have_previous_) {
    // The previous callback's cycle began at most its own period before this reading. Each
    // cycle is measured by its own period: PipeWire changes its period as clients come and go.
    // Frame times wrap at 32 bits: compare differences.
    const std::uint32_t latest = server_frame - previous_frames_;
    const bool late = static_cast<std::int32_t>(latest - previous_read_) < 0;
    const std::uint32_t previous = late ? latest : previous_read_;
    std::int32_t missed = 0;
    if (have_before_ && static_cast<std::int32_t>(previous - before_) > 0 && before_frames_ > 0)
      missed = static_cast<std::int32_t>((previous - before_) / before_frames_) - 1;
    if (late || missed > 0) told = LateCycle{previous, previous_track_, missed, late};
    before_ = previous;
    before_frames_ = previous_frames_;
    have_before_ = true;
  }
  have_previous_ = true;
  previous_read_ = server_frame;
  previous_frames_ = frames;
  previous_track_ = track_frame;
  return told;
}

std::int64_t track_frame_now(std::int64_t cycle_track_frame, std::uint32_t cycle_frame_time,
                             std::uint32_t frame_time_now, std::uint32_t period) {
  // Frame times wrap at 32 bits: the difference, signed.
  const auto since = static_cast<std::int32_t>(frame_time_now - cycle_frame_time);
  return cycle_track_frame + std::clamp<std::int64_t>(since, 0, period);
}

}  // namespace pocket
