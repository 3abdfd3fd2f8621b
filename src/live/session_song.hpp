#pragma once

#include <cstdint>
#include <limits>
#include <memory>
#include <optional>
#include <string>

#include "audio/click_engine.hpp"
#include "audio/song_mixer.hpp"
#include "audio/song_plan.hpp"
#include "audio/song_stream.hpp"
#include "core/live_schedule.hpp"
#include "live/live_result.hpp"
#include "midi/song_tempo_map.hpp"

namespace pocket {

// A song to play along with (--backing): the file, where its first bar line is, how loud, how
// fast, and the bars of it to loop.
struct BackingOptions {
  std::string file;
  double first_bar_seconds = 0.0;  // where the song's first bar line is in the file
  double gain_db = 0.0;
  double speed = 1.0;  // the song's tempo and the click's: 0.75 plays both at 75 %
  // --section: the song's bars from `section_from` (1 is its first) on, `section_bars` of them,
  // played again and again from the first bar after the count-in. 0: the whole song.
  int section_from = 0;
  int section_bars = 0;
  double section_seconds = 0.0;  // where the section's first bar line is in the file
};

// The song's bars at 100 % from the session's bar 0: a run from each bar line where its tempo or
// its meter changes, and for a cycle of meters (or a looped section) how many bars the lengths
// repeat after. `first_bpm` and `changes` at the session's `speed`.
struct SongBarLengths {
  std::vector<SongBarRun> runs;
  std::int64_t cycle_bars = 0;
};
SongBarLengths song_bar_lengths(const MeterCycle& meters, double first_bpm,
                                const std::vector<BarTempo>& changes, double speed);

// The song of one session: read on a thread of its own and mixed by the audio thread, its first
// bar line (or its section's) on the drill's first bar line after the count-in.
class SessionSong {
 public:
  // [main-thread] `tempo_changes`: the song's tempo map after bar 0, at the session's speed.
  // Throws InputFileError for a file that cannot be played.
  SessionSong(const BackingOptions& options, const LiveSchedule& schedule,
              const std::vector<BarTempo>& tempo_changes, double sample_rate);

  // [session thread] From the bar line of `bar` on, the song and the click play at `bpm` (a
  // ladder's next step): the song at the share of its own tempo that `bpm` is. The bar line has
  // not been read yet: the reader was kept before it (read_up_to).
  void tempo_from(std::int64_t bar, double bpm);
  // [session thread] The reader reads no further than the bar line of `bar` until told again:
  // the song's speed there is not decided yet. Before start(), so is the first read.
  void read_up_to(std::int64_t bar);
  // [session thread] The reader reads on at the speed it has, to the song's end.
  void read_on();
  // [session thread] A looped section is read a few passes ahead of the bar being heard, each
  // pass's turn back to its start given before the reader gets there.
  void keep_ahead(std::int64_t heard_bar);

  // [main-thread] Reads ahead, then the engine mixes it from its first buffer on.
  void start(ClickEngine& click);
  // [any thread] Every frame of the song has been played.
  bool finished() const { return mixer_->finished(); }
  // [any thread] Times the song skipped: its frames were not there in time.
  std::int64_t skips() const { return mixer_->skips(); }
  BackingResult result() const;

 private:
  // Tells the reader the turns before the nearer of the two limits, and to stop there.
  void limit_reading();

  BackingResult result_;
  double song_bpm_;  // the song's tempo at 100 %
  std::optional<SongPlan> plan_;
  std::unique_ptr<SongStream> stream_;
  std::optional<SongMixer> mixer_;
  static constexpr std::int64_t kNoBar = std::numeric_limits<std::int64_t>::max();
  std::int64_t ladder_limit_ = kNoBar;  // the bar line a ladder's next speed is not known past
  std::int64_t loop_limit_ = kNoBar;    // the bar line the loop's turns are given up to
};

}  // namespace pocket
