#pragma once

#include <cstdint>
#include <optional>

#include "audio/click_engine.hpp"
#include "core/grid.hpp"

namespace pocket {

// The click's sections as the audio thread starts them (a tempo, the hold of a pause, the
// held bar starting again) and what follows from them: how long the player has paused, which
// strokes fall in a pause, how far bars may close, and the tempi played. Clock-free: times
// are seconds of the click track. [session thread]
class ClickSections {
 public:
  explicit ClickSections(double start_bpm) : lowest_bpm_(start_bpm), highest_bpm_(start_bpm) {}

  // What a section the audio thread started is. The scorer takes a tempo and a resume, not a
  // hold.
  enum class Kind { tempo, hold, resume };
  Kind started(const SectionStart& section);

  // Strokes from the bar line where the click holds until it plays again are not scored.
  bool in_pause(double seconds, const Grid& grid) const;
  // Bars may close up to `until`, but not into the held bar: it has not been played.
  double closable_until(double until, const Grid& grid) const;
  // How long the player has paused up to `now`, the pause under way included.
  double paused_seconds(double now) const;

  bool held() const { return held_.has_value(); }
  // The bar the click holds at, while held().
  std::int64_t held_bar() const { return held_->first_bar; }
  double lowest_bpm() const { return lowest_bpm_; }
  double highest_bpm() const { return highest_bpm_; }

 private:
  double held_bar_slot_seconds(const Grid& grid) const;

  std::optional<SectionStart> held_;  // where the click holds, while paused
  double paused_seconds_ = 0.0;       // of the pauses over
  double lowest_bpm_;
  double highest_bpm_;
};

}  // namespace pocket
