#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "song_stream.hpp"

namespace pocket {

// A run of the song's bars of one length at 100 % (a tempo or a meter change starts one), from
// `first_bar` on to the next run.
struct SongBarRun {
  std::int64_t first_bar = 0;
  double bar_seconds = 2.0;
};

// Where a session's song is read from, bar by bar: the session's bar 0 on a bar line of the
// song, a section of the song played again and again, and the speed changes a ladder decides as
// it goes. It says where the reader must turn (go on from elsewhere in the file, or at another
// speed), in order. Clock-free: bars, seconds and frames only.
class SongPlan {
 public:
  struct Settings {
    double first_bar_in_file = 0.0;  // seconds: where the session's bar 0 starts in the file
    // The song's bars at 100 % from the session's bar 0, the first run there; a looped
    // section's within it, from its first bar.
    std::vector<SongBarRun> bars = {{0, 2.0}};
    double speed = 1.0;               // from bar 0 on
    double first_bar_on_track = 0.0;  // seconds: the session's bar 0 on the click track
    double rate = 48000.0;
    std::int64_t origin = 0;     // the track frame of song frame 0
    std::int64_t loop_bars = 0;  // > 0: the song's bars from bar 0 on, this many, looped
    // > 0: the runs' bars from bar 0 on, this many, again and again (a cycle of meters) while
    // the song plays on.
    std::int64_t cycle_bars = 0;
  };

  explicit SongPlan(const Settings& settings);

  bool loops() const { return s_.loop_bars > 0; }
  std::int64_t loop_bars() const { return s_.loop_bars; }
  // The song frame the bar line of session bar `bar` plays on (bar >= the last speed change).
  std::int64_t frame_of(std::int64_t bar) const;
  // Where in the file session bar `bar` (0 or later) starts, in seconds.
  double file_seconds_of(std::int64_t bar) const;

  // From the bar line of `bar` on, the song plays at `speed`: the turn there, or none when the
  // speed is the same. `bar` is not before a bar already given to turns_before().
  std::optional<SongTurn> speed_from(std::int64_t bar, double speed);
  // The loop's turns before the bar line of `bar` not given yet, in order.
  std::vector<SongTurn> turns_before(std::int64_t bar);

 private:
  SongTurn turn_at(std::int64_t bar) const { return {frame_of(bar), file_seconds_of(bar), speed_}; }
  // Seconds of the song at 100 % from the session's bar 0 to the bar line of `bar`, a loop's
  // passes (or a cycle's) one after the other.
  double song_seconds(std::int64_t bar) const;
  // The same through the runs as they are, without the loop.
  double run_seconds(std::int64_t bar) const;

  Settings s_;
  // The last speed change: from the bar line of `from_bar_`, `from_seconds_` into the track
  // (held time left out), at `speed_`.
  std::int64_t from_bar_ = 0;
  double from_seconds_;
  double speed_;
  std::int64_t next_loop_bar_;  // the next bar line the loop starts again on, not yet given
};

}  // namespace pocket
