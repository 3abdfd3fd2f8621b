#pragma once

#include <array>
#include <atomic>
#include <cstdint>
#include <limits>

#include "song_frames.hpp"

namespace pocket {

// dB to a linear gain; below -120 dB is silence.
float gain_of_db(double db);

// Adds a song into the click's buffers, each song frame on its track frame: song frame n plays
// at track frame origin + n, later by as long as the click held at bar lines before it. Frames
// the ring lacks when they are due (a reader behind) are left out and counted as a skip; the
// song then goes on where it should be by then, never late.
class SongMixer {
 public:
  // [main-thread] `gain`: linear. `origin`: the track frame of song frame 0 (may be negative:
  // the song starts before the track).
  SongMixer(SongFrames& frames, float gain, std::int64_t origin);

  // [audio-thread] Adds the track frames [first, first + count) of the song to `left` and
  // `right`, or both channels' mean to `left` when `right` is null.
  void mix(float* left, float* right, std::size_t count, std::int64_t first);
  // [audio-thread] The click holds from track frame `frame`; it goes on at `frame` of resume.
  void hold_from(std::int64_t frame);
  void resume_at(std::int64_t frame);

  // [any thread] Times the song skipped because its frames were not there in time.
  std::int64_t skips() const { return skips_.load(std::memory_order_relaxed); }
  // [any thread] True once every frame of the song has been played.
  bool finished() const { return finished_.load(std::memory_order_relaxed); }

 private:
  static constexpr std::int64_t kNone = std::numeric_limits<std::int64_t>::max();
  static constexpr std::size_t kChunk = 512;

  // Track frames [from, to), none of them held.
  void play(float* left, float* right, std::int64_t from, std::int64_t to, std::int64_t first);
  // Pops up to `frames` frames into chunk_; counts a skip when the song is short of them.
  std::size_t take(std::size_t frames);

  SongFrames& frames_;
  float gain_;
  std::int64_t origin_;
  std::int64_t next_ = 0;  // the song frame the ring gives next
  std::int64_t hold_from_ = kNone;
  std::int64_t resume_at_ = kNone;
  bool short_ = false;  // the last take was short: one skip until the song is back
  std::array<float, 2 * kChunk> chunk_{};
  std::atomic<std::int64_t> skips_{0};
  std::atomic<bool> finished_{false};
};

// [audio-thread] A block of click in `left` (track frames from `first`) made the output: the
// click at `click_gain`, copied to `right` when there is one, and the song added when there is
// one. The live engine and the offline renderer both end each block with it.
void mix_click_and_song(float* left, float* right, std::size_t frames, std::int64_t first,
                        float click_gain, SongMixer* song);

}  // namespace pocket
