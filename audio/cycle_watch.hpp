#pragma once

#include <cstdint>
#include <optional>

namespace pocket {

// A callback the audio server did not run on time: it ran without pocket for some cycles
// before it (the click then sounds that much later, and MIDI of those cycles is gone), or it ran
// after the next cycle had begun.
struct LateCycle {
  std::uint32_t server_frame = 0;  // the server's frame time of the cycle the callback rendered
  std::int64_t track_frame = 0;    // the click track's frame at the start of that buffer
  std::int32_t missed_cycles = 0;  // cycles the server ran without the callback just before it
  bool late = false;               // it ran when the next cycle had begun (and read its time)
};

// Watches the frame time a callback reads each cycle (JACK's last frame time). A callback that
// runs late reads the next cycle's time: the frame time then seems to jump a period and stand
// still at the next callback. So a cycle is told one callback later, when the next reading shows
// which it was. Pure: no clock, no device.
class CycleWatch {
 public:
  // [audio-thread] A callback of `frames` frames read `server_frame`; the click track stood at
  // `track_frame`. Returns what the previous callback was, when it was not on time.
  std::optional<LateCycle> next(std::uint32_t server_frame, std::uint32_t frames,
                                std::int64_t track_frame);

 private:
  bool have_previous_ = false;
  std::uint32_t previous_read_ = 0;
  std::uint32_t previous_frames_ = 0;
  std::int64_t previous_track_ = 0;
  bool have_before_ = false;
  std::uint32_t before_ = 0;  // the frame time of the callback before the previous one
  std::uint32_t before_frames_ = 0;
};

// Where the click track stands now, in frames: its frame at the start of the last cycle the
// callback ran (which read `cycle_frame_time`) plus the server's frames since, as far as one
// period. The track moves only in cycles the callback runs, and the server's estimate of the
// frame now (jack_frame_time) can run far ahead while cycles are missed: taken whole, it
// would put the session's clock ahead of the click and close bars before they are played.
// `cycle_frame_time` may be the next cycle's, read late: the frames since then are none.
std::int64_t track_frame_now(std::int64_t cycle_track_frame, std::uint32_t cycle_frame_time,
                             std::uint32_t frame_time_now, std::uint32_t period);

}  // namespace pocket
