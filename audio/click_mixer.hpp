#pragma once

#include <array>
#include <cstdint>
#include <span>

#include "click_sound.hpp"
#include "core/click_source.hpp"

namespace pocket {

// Told of every click as the mixer reaches it. [audio-thread] must not allocate or block.
class ClickListener {
 public:
  virtual ~ClickListener() = default;
  virtual void on_click(const ClickEvent& click) = 0;
};

// Renders the click of a schedule block by block, each click starting on its exact frame.
// The same code serves the offline renderer and the real-time stream.
class ClickMixer {
 public:
  // [main-thread] Both must outlive the mixer.
  ClickMixer(ClickSource& clicks, const ClickSound& sound);

  // [audio-thread] Writes the next out.size() mono frames. Never allocates, locks or blocks.
  void render(std::span<float> out);
  // [main-thread] before rendering.
  void set_listener(ClickListener* listener) { listener_ = listener; }

  // Frame of the next sample render() writes.
  std::int64_t position() const { return position_; }
  // Audible clicks started so far.
  std::int64_t clicks_started() const { return clicks_started_; }
  // True once every click has started and sounded to its end.
  bool finished() const { return clicks_.done() && active_ == 0; }

 private:
  struct Voice {
    const float* samples = nullptr;
    std::int64_t length = 0;
    std::int64_t start_frame = 0;
  };
  static constexpr std::size_t kMaxVoices = 16;  // far more overlap than any click track needs

  void start_voice(const ClickEvent& click);

  const ClickSound& sound_;
  ClickSource& clicks_;
  ClickListener* listener_ = nullptr;
  std::array<Voice, kMaxVoices> voices_{};
  std::size_t active_ = 0;
  std::int64_t position_ = 0;
  std::int64_t clicks_started_ = 0;
};

}  // namespace pocket
