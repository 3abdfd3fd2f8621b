#include "song_stream.hpp"

#include <chrono>

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
  while (!ended() && ring_.write_available() >= block_.size())
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
}

void SongStream::read() {
  while (!stop_.load(std::memory_order_acquire)) {
    if (ring_.write_available() < block_.size()) {
      std::this_thread::sleep_for(kRest);
      continue;
    }
    const std::size_t frames = source_->produce(block_.data(), SongSource::kBlock);
    if (frames == 0) break;
    ring_.push(block_.data(), 2 * frames);  // whole frames: the room was there
  }
  ended_.store(true, std::memory_order_release);
}

std::size_t SongStream::pop(float* out, std::size_t frames) {
  return ring_.pop(out, 2 * frames) / 2;
}

}  // namespace pocket
