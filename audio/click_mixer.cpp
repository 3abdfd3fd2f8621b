#include "click_mixer.hpp"

#include <algorithm>

namespace pocket {

ClickMixer::ClickMixer(ClickSource& clicks, const ClickSound& sound)
    : sound_(sound), clicks_(clicks) {}

void ClickMixer::start_voice(const ClickEvent& click) {
  const std::vector<float>& samples = sound_.for_level(click.level);
  Voice voice{samples.data(), static_cast<std::int64_t>(samples.size()), click.frame};
  if (active_ == kMaxVoices) {
    // Replace the voice that started first: it is the quietest part of its tail.
    auto oldest = std::min_element(
        voices_.begin(), voices_.end(),
        [](const Voice& a, const Voice& b) { return a.start_frame < b.start_frame; });
    *oldest = voice;
  } else {
    voices_[active_++] = voice;
  }
  ++clicks_started_;
}

void ClickMixer::render(std::span<float> out) {
  std::fill(out.begin(), out.end(), 0.0f);
  const std::int64_t block_end = position_ + static_cast<std::int64_t>(out.size());
  for (; !clicks_.done() && clicks_.current().frame < block_end; clicks_.advance()) {
    if (listener_ != nullptr) listener_->on_click(clicks_.current());
    if (clicks_.current().audible) start_voice(clicks_.current());
  }
  for (std::size_t v = 0; v < active_;) {
    const Voice& voice = voices_[v];
    const std::int64_t from = std::max(voice.start_frame, position_);
    const std::int64_t to = std::min(voice.start_frame + voice.length, block_end);
    for (std::int64_t frame = from; frame < to; ++frame) {
      out[static_cast<std::size_t>(frame - position_)] += voice.samples[frame - voice.start_frame];
    }
    if (voice.start_frame + voice.length <= block_end) {
      voices_[v] = voices_[--active_];  // done: drop it
    } else {
      ++v;
    }
  }
  position_ = block_end;
}

}  // namespace pocket
