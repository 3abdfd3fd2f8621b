#pragma once

#include <cstddef>

namespace pocket {

// A song's stereo frames for the audio thread, in order: the ring a reader thread fills while
// a session plays, or, offline, a song read in place.
class SongFrames {
 public:
  virtual ~SongFrames() = default;
  // [audio-thread] Takes up to `frames` interleaved stereo frames into `out`; returns how many.
  // Never allocates, locks or blocks.
  virtual std::size_t pop(float* out, std::size_t frames) = 0;
  // [any thread] True once every frame of the song is there to pop (none will follow).
  virtual bool ended() const = 0;
};

}  // namespace pocket
