#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "audio/click_engine.hpp"
#include "core/grid.hpp"
#include "live/live_result.hpp"

namespace pocket {

// The click's sections as the audio thread starts them (a tempo, the hold of a pause, the
// held bar starting again) and what follows from them: how long the player has paused, which
// strokes fall in a pause, how far bars may close, and the tempi played. A hold at the click's
// first bar line is the wait for a start hit (--start-on-hit), not a pause: no bar has been
// played. Clock-free: times are seconds of the click track. [session thread]
class ClickSections {
 public:
  ClickSections(double start_bpm, std::int64_t first_bar)
      : first_bar_(first_bar), lowest_bpm_(start_bpm), highest_bpm_(start_bpm) {}

  // What a section the audio thread started is. The scorer takes a tempo and a resume, not a
  // hold.
  enum class Kind { tempo, hold, resume };
  Kind started(const SectionStart& section);

  // Strokes from the bar line where the click holds until it plays again are not scored, nor
  // those that come in after it went on but were played while it held.
  bool in_pause(double seconds, const Grid& grid) const;
  // Bars may close up to `until`, but not into the held bar: it has not been played.
  double closable_until(double until, const Grid& grid) const;
  // How long the click held up to `now`, waiting and paused, the hold under way included.
  double held_seconds(double now) const { return waited_seconds(now) + paused_seconds(now); }
  // How long the player has paused up to `now`, the pause under way included.
  double paused_seconds(double now) const;
  // How long the click waited for a start hit, up to `now`.
  double waited_seconds(double now) const;
  // Each pause up to `now`, the one under way included once its bar line has gone by.
  std::vector<ClickPause> pauses(double now) const;

  bool held() const { return held_.has_value(); }
  // The bar the click holds at, while held().
  std::int64_t held_bar() const { return held_->first_bar; }
  double lowest_bpm() const { return lowest_bpm_; }
  double highest_bpm() const { return highest_bpm_; }

 private:
  // A hold that is over: from the held bar line to where that bar started again.
  struct Span {
    std::int64_t bar;
    double from_seconds;
    double to_seconds;
  };
  double half_slot_seconds(std::int64_t bar, const Grid& grid) const;
  bool waiting() const { return held_ && held_->first_bar == first_bar_; }
  // Under way at `now`: how long it has held.
  double holding_for(double now) const;

  std::int64_t first_bar_;
  std::optional<SectionStart> held_;  // where the click holds, while paused or waiting
  std::vector<Span> pauses_;          // over
  std::optional<Span> wait_;          // over
  double lowest_bpm_;
  double highest_bpm_;
};

}  // namespace pocket
