#pragma once

#include <atomic>
#include <memory>
#include <thread>
#include <vector>

#include <boost/lockfree/spsc_queue.hpp>

#include "song_frames.hpp"
#include "song_source.hpp"

namespace pocket {

// A song read and stretched ahead of the audio thread, on a thread of its own, into a
// lock-free ring of kRingFrames (0.7 s at 48 kHz: hundreds of periods). The audio thread only
// pops; a reader that falls behind (a stalled disk) leaves the ring short, never waits.
class SongStream final : public SongFrames {
 public:
  static constexpr std::size_t kRingFrames = 1 << 15;

  // [main-thread] Takes the source; its reading starts with start().
  explicit SongStream(std::unique_ptr<SongSource> source);
  ~SongStream() override;
  SongStream(const SongStream&) = delete;
  SongStream& operator=(const SongStream&) = delete;

  // [main-thread] Starts the reader and returns once the ring is full or the song read whole,
  // so that the song is there from the first buffer on.
  void start();

  // SongFrames
  std::size_t pop(float* out, std::size_t frames) override;
  bool ended() const override { return ended_.load(std::memory_order_acquire); }

 private:
  void read();

  std::unique_ptr<SongSource> source_;
  boost::lockfree::spsc_queue<float> ring_;
  std::vector<float> block_;
  std::atomic<bool> ended_{false};
  std::atomic<bool> stop_{false};
  std::thread reader_;
};

}  // namespace pocket
