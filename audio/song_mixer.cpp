#include "song_mixer.hpp"

#include <algorithm>
#include <cmath>

namespace pocket {

float gain_of_db(double db) {
  return db < -120.0 ? 0.0f : static_cast<float>(std::pow(10.0, db / 20.0));
}

SongMixer::SongMixer(SongFrames& frames, float gain, std::int64_t origin)
    : frames_(frames), gain_(gain), origin_(origin) {}

void SongMixer::hold_from(std::int64_t frame) {
  // A hold on the line of a resume not reached yet: the first hold's length still counts.
  if (resume_at_ != kNone) origin_ += resume_at_ - hold_from_;
  hold_from_ = frame;
  resume_at_ = kNone;
}

void SongMixer::resume_at(std::int64_t frame) {
  if (hold_from_ != kNone) resume_at_ = std::max(frame, hold_from_);
}

void SongMixer::mix(float* left, float* right, std::size_t count, std::int64_t first) {
  const std::int64_t end = first + static_cast<std::int64_t>(count);
  for (std::int64_t at = first; at < end;) {
    if (resume_at_ != kNone && at >= resume_at_) {  // the held stretch is over
      origin_ += resume_at_ - hold_from_;
      hold_from_ = resume_at_ = kNone;
    }
    if (hold_from_ != kNone && at >= hold_from_) {
      at = std::min(end, resume_at_);
      continue;
    }
    const std::int64_t to = std::min(end, hold_from_);
    play(left, right, at, to, first);
    at = to;
  }
}

std::size_t SongMixer::take(std::size_t frames) {
  const bool ended = frames_.ended();  // read first: every frame is in the ring once it is set
  std::size_t got = frames_.pop(chunk_.data(), frames);
  if (got < frames && !ended && frames_.ended())
    got += frames_.pop(chunk_.data() + 2 * got, frames - got);
  if (got < frames && frames_.ended()) {
    finished_.store(true, std::memory_order_relaxed);
  } else if (got < frames) {
    if (!short_) skips_.fetch_add(1, std::memory_order_relaxed);
    short_ = true;
  } else {
    short_ = false;
  }
  next_ += static_cast<std::int64_t>(got);
  return got;
}

void SongMixer::play(float* left, float* right, std::int64_t from, std::int64_t to,
                     std::int64_t first) {
  std::int64_t wanted = std::max<std::int64_t>(from - origin_, 0);  // the song frame due
  const std::int64_t last = to - origin_;                           // one past the last due
  while (next_ < wanted && !finished()) {  // frames whose time has gone by: left out
    const auto n = static_cast<std::size_t>(std::min<std::int64_t>(wanted - next_, kChunk));
    if (take(n) < n) break;
  }
  while (wanted < last && next_ == wanted && !finished()) {
    const auto n = static_cast<std::size_t>(std::min<std::int64_t>(last - wanted, kChunk));
    const std::size_t got = take(n);
    const auto at = static_cast<std::size_t>(wanted + origin_ - first);
    for (std::size_t i = 0; i < got; ++i) {
      const float l = gain_ * chunk_[2 * i];
      const float r = gain_ * chunk_[2 * i + 1];
      if (right != nullptr) {
        left[at + i] += l;
        right[at + i] += r;
      } else {
        left[at + i] += 0.5f * (l + r);
      }
    }
    wanted += static_cast<std::int64_t>(got);
    if (got < n) break;
  }
}

void mix_click_and_song(float* left, float* right, std::size_t frames, std::int64_t first,
                        float click_gain, SongMixer* song) {
  if (click_gain != 1.0f)
    for (std::size_t i = 0; i < frames; ++i) left[i] *= click_gain;
  if (right != nullptr) std::copy(left, left + frames, right);
  if (song != nullptr) song->mix(left, right, frames, first);
}

}  // namespace pocket
