#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>

#include "audio/click_engine.hpp"
#include "audio/song_mixer.hpp"
#include "audio/song_stream.hpp"
#include "core/live_schedule.hpp"
#include "live/live_result.hpp"

namespace pocket {

// A song to play along with (--backing): the file, where its first bar line is, how loud, how
// fast.
struct BackingOptions {
  std::string file;
  double first_bar_seconds = 0.0;  // where the song's first bar line is in the file
  double gain_db = 0.0;
  double speed = 1.0;  // the song's tempo and the click's: 0.75 plays both at 75 %
};

// The song of one session: read on a thread of its own and mixed by the audio thread, its first
// bar line on the drill's first bar line after the count-in.
class SessionSong {
 public:
  // [main-thread] Throws InputFileError for a file that cannot be played.
  SessionSong(const BackingOptions& options, const LiveSchedule& schedule, double sample_rate);

  // [session thread] From the bar line of `bar` on, the song and the click play at `bpm` (a
  // ladder's next step): the song at the share of its own tempo that `bpm` is. The bar line has
  // not been read yet: the reader was kept before it (read_up_to).
  void tempo_from(std::int64_t bar, double bpm);
  // [session thread] The reader reads no further than the bar line of `bar` until told again:
  // the song's speed there is not decided yet. Before start(), so is the first read.
  void read_up_to(std::int64_t bar);
  // [session thread] The reader reads on at the speed it has, to the song's end.
  void read_on() { stream_->read_up_to(SongStream::kNoLimit); }

  // [main-thread] Reads ahead, then the engine mixes it from its first buffer on.
  void start(ClickEngine& click);
  // [any thread] Every frame of the song has been played.
  bool finished() const { return mixer_->finished(); }
  // [any thread] Times the song skipped: its frames were not there in time.
  std::int64_t skips() const { return mixer_->skips(); }
  BackingResult result() const;

 private:
  // Song frame of the bar line of `bar`, at the speed from the last change on.
  std::int64_t frame_of(std::int64_t bar) const;

  BackingResult result_;
  double rate_;
  double song_bpm_;           // the song's tempo at 100 %
  double bar_seconds_;        // a bar at 100 %
  double first_bar_in_file_;  // seconds
  std::int64_t origin_;       // the track frame of song frame 0
  // The last speed change: from the bar line of `from_bar_`, `from_seconds_` into the track
  // (held time left out), at `speed_`.
  std::int64_t from_bar_ = 0;
  double from_seconds_ = 0.0;
  double speed_;
  std::unique_ptr<SongStream> stream_;
  std::optional<SongMixer> mixer_;
};

}  // namespace pocket
