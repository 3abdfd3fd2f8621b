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

  // [main-thread] Reads ahead, then the engine mixes it from its first buffer on.
  void start(ClickEngine& click);
  // [any thread] Every frame of the song has been played.
  bool finished() const { return mixer_->finished(); }
  BackingResult result() const;

 private:
  BackingResult result_;
  std::unique_ptr<SongStream> stream_;
  std::optional<SongMixer> mixer_;
};

}  // namespace pocket
