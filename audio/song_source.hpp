#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "sndfile_handle.hpp"

typedef struct SRC_STATE_tag SRC_STATE;
namespace RubberBand {
class RubberBandStretcher;
}

namespace pocket {

// The speeds a song plays at: a share of its tempo.
inline constexpr double kSlowestSong = 0.25;
inline constexpr double kFastestSong = 2.0;
bool playable_speed(double speed);
// Throws UsageError for a speed a song cannot play at.
void check_song_speed(double speed);

// What a backing song is played with.
struct SongSettings {
  std::string file;
  double out_rate = 48000.0;   // Hz: the audio device's
  double speed = 1.0;          // 0.25..2: 0.8 plays it at 80 % of its tempo, at the same pitch
  double start_seconds = 0.0;  // where in the file the song's frame 0 is
};

// Where a song goes: from where in the file it is read (frame 0), and the track frame that
// frame plays on, so that the file's first bar line (`first_bar_in_file`, seconds) sounds on
// the track's first bar line after the count-in (`first_bar_on_track`, seconds). The song plays
// from as far before its first bar line as the count-in lasts at its speed, or from its start.
struct SongPlacement {
  double start_seconds = 0.0;  // in the file
  std::int64_t origin = 0;     // the track frame of song frame 0
};
SongPlacement place_song(double first_bar_in_file, double first_bar_on_track, double speed,
                         double rate);

// A song file made into stereo frames at the device's rate and the asked speed, block by block:
// read with libsndfile, resampled with libsamplerate when the file's rate differs, stretched
// with Rubber Band's real-time stretcher when the speed is not 1 (its start pad filled with
// the song before the start and its start delay taken off, so that frame n is the file's time
// start + n * speed / rate from the first frame on). At speed 1 and the device's rate the
// frames are the file's own, to the sample. restart() goes on from elsewhere at another speed.
// [one thread] at a time; allocates only in the constructor and the first restart() to a
// speed that is not 1.
class SongSource {
 public:
  // [main-thread] Throws InputFileError naming the file: missing, not audio, empty.
  explicit SongSource(const SongSettings& settings);
  ~SongSource();
  SongSource(const SongSource&) = delete;
  SongSource& operator=(const SongSource&) = delete;

  // Writes up to `frames` interleaved stereo frames (at most kBlock) to `out`; returns how
  // many, 0 once the song has ended.
  std::size_t produce(float* out, std::size_t frames);

  // Frame 0 from now on is the file's time `start_seconds`, at `speed` (as in SongSettings).
  // Throws UsageError for a speed out of range.
  void restart(double start_seconds, double speed);

  static constexpr std::size_t kBlock = 1024;

  int file_rate() const { return file_rate_; }
  bool resampled() const { return resampler_ != nullptr; }
  bool stretched() const { return stretching_; }
  double seconds() const { return file_seconds_; }  // the file's length

 private:
  // Stereo frames of the file at the device's rate (resampled if need be) into in_.
  std::size_t read_at_out_rate(std::size_t frames);
  std::size_t read_file(float* out, std::size_t frames);
  std::size_t stretched_block(float* out, std::size_t frames);
  // Seeks the file to `seconds` (0 or more) and starts the resampler again.
  void seek(double seconds);
  // Gives the stretcher its start pad: the song's frames before `start_seconds`, silence
  // before the file's start.
  void pad_stretcher(double start_seconds);

  SongSettings settings_;
  SndFileHandle file_;
  int file_rate_ = 0;
  int channels_ = 0;
  sf_count_t file_frames_ = 0;
  double file_seconds_ = 0.0;
  bool file_ended_ = false;
  bool input_ended_ = false;  // the stretcher was told the last input
  static constexpr std::size_t kTail = 16 * kBlock;
  std::size_t tail_left_ = kTail;  // silence still to give the stretcher after the song
  std::size_t fed_ = 0;            // the song's frames given to the stretcher
  std::size_t made_ = 0;           // frames produced
  std::vector<float> raw_;         // the file's frames as read, all its channels
  std::vector<float> file_stereo_;
  std::vector<float> in_;      // stereo frames at the device's rate
  std::vector<float> planes_;  // two planes of kBlock, for the stretcher
  SRC_STATE* resampler_ = nullptr;
  std::size_t pending_ = 0;  // file frames in file_stereo_ the resampler has not used
  std::size_t used_ = 0;
  std::unique_ptr<RubberBand::RubberBandStretcher> stretcher_;
  bool stretching_ = false;     // the speed is not 1: frames come through the stretcher
  std::size_t delay_left_ = 0;  // stretched frames still to drop at the start
};

}  // namespace pocket
