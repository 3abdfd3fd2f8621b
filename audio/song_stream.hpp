#pragma once

#include <atomic>
#include <cstdint>
#include <deque>
#include <limits>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

#include <boost/lockfree/spsc_queue.hpp>

#include "song_frames.hpp"
#include "song_source.hpp"

namespace pocket {

// From song frame `frame` on, the song goes on from the file's time `file_seconds` at `speed`.
struct SongTurn {
  std::int64_t frame = 0;
  double file_seconds = 0.0;
  double speed = 1.0;
};

// A song read and stretched ahead of the audio thread, on a thread of its own, into a
// lock-free ring of kRingFrames (0.7 s at 48 kHz: hundreds of periods). The audio thread only
// pops; a reader that falls behind (a stalled disk) leaves the ring short, never waits. A
// session that decides the song's speed as it goes (a ladder) keeps the reader from reading
// past the next frame where the speed may change until it has said how the song goes on there.
class SongStream final : public SongFrames {
 public:
  static constexpr std::size_t kRingFrames = 1 << 15;
  static constexpr std::int64_t kNoLimit = std::numeric_limits<std::int64_t>::max();

  // [main-thread] Takes the source; its reading starts with start().
  explicit SongStream(std::unique_ptr<SongSource> source);
  ~SongStream() override;
  SongStream(const SongStream&) = delete;
  SongStream& operator=(const SongStream&) = delete;

  // [main-thread] Starts the reader and returns once the ring is full or the song read whole,
  // so that the song is there from the first buffer on.
  void start();

  // [control thread] The song turns at `turn.frame` (not yet read: after the last turn, and
  // not past the limit). Throws UsageError for a speed out of range.
  void turn(const SongTurn& turn);
  // [control thread] The reader reads no further than song frame `frame` until told again.
  void read_up_to(std::int64_t frame) { limit_.store(frame, std::memory_order_release); }

  // SongFrames
  std::size_t pop(float* out, std::size_t frames) override;
  bool ended() const override { return ended_.load(std::memory_order_acquire); }

 private:
  void read();
  // [reader] How many frames it may read now, at most `most`: up to the limit and the next turn,
  // which it takes once reached.
  std::size_t room_to_read(std::size_t most);

  std::unique_ptr<SongSource> source_;
  boost::lockfree::spsc_queue<float> ring_;
  std::vector<float> block_;
  std::int64_t read_ = 0;  // song frames read so far [reader]
  std::atomic<std::int64_t> limit_{kNoLimit};
  std::atomic<bool> waiting_{false};  // the reader has reached the limit
  std::mutex turns_mutex_;            // between the control thread and the reader, never audio
  std::deque<SongTurn> turns_;
  std::atomic<bool> ended_{false};
  std::atomic<bool> stop_{false};
  std::thread reader_;
};

}  // namespace pocket
