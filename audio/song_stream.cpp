#include "song_stream.hpp"

#include <algorithm>
#include <chrono>
#include <optional>

namespace pocket {

namespace {
// How long the reader rests when the ring has no room for a block: a few periods' worth, well
// within what the ring holds.
constexpr auto kRest = std::chrono::milliseconds(5);
}  // namespace

SongStream::SongStream(std::unique_ptr<SongSource> source)
    : source_(std::move(source)), ring_(2 * kRingFrames), block_(2 * SongSource::kBlock) {}

SongStream::~SongStream() {
  stop_.store(true, std::memory_order_release);
  if (reader_.joinable()) reader_.join();
}

void SongStream::start() {
  reader_ = std::thread([this] { read(); });
  while (!ended() && !waiting_.load(std::memory_order_acquire) &&
         ring_.write_available() >= block_.size())
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
}

void SongStream::turn(const SongTurn& turn) {
  check_song_speed(turn.speed);
  const std::lock_guard<std::mutex> lock(turns_mutex_);
  turns_.push_back(turn);
}

std::size_t SongStream::room_to_read(std::size_t most) {
  std::int64_t until = limit_.load(std::memory_order_acquire);
  std::optional<SongTurn> reached;
  {
    const std::lock_guard<std::mutex> lock(turns_mutex_);
    if (!turns_.empty() && turns_.front().frame <= read_) {
      reached = turns_.front();
      turns_.pop_front();
    }
    if (!turns_.empty()) until = std::min(until, turns_.front().frame);
  }
  if (reached) source_->restart(reached->file_seconds, reached->speed);  // out of the lock
  const std::int64_t room = std::min<std::int64_t>(until - read_, static_cast<std::int64_t>(most));
  waiting_.store(room <= 0, std::memory_order_release);
  return static_cast<std::size_t>(std::max<std::int64_t>(room, 0));
}

void SongStream::read() {
  while (!stop_.load(std::memory_order_acquire)) {
    const std::size_t room =
        ring_.write_available() < block_.size() ? 0 : room_to_read(SongSource::kBlock);
    if (room == 0) {
      std::this_thread::sleep_for(kRest);
      continue;
    }
    const std::size_t frames = source_->produce(block_.data(), room);
    if (frames == 0) break;
    ring_.push(block_.data(), 2 * frames);  // whole frames: the room was there
    read_ += static_cast<std::int64_t>(frames);
  }
  ended_.store(true, std::memory_order_release);
}

std::size_t SongStream::pop(float* out, std::size_t frames) {
  return ring_.pop(out, 2 * frames) / 2;
}

}  // namespace pocket
