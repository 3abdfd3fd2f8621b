#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "core/tempo_ladder.hpp"
#include "live/live_result.hpp"
#include "live/session_events.hpp"

namespace pocket {

// A ladder's coach in a live session: hands each closed bar to the ladder and says, when a
// step ends, the tempo of the next one and its bar line, or that the ladder is over. Without a
// ladder it does nothing. Clock-free. [session thread]
class LadderCoach {
 public:
  explicit LadderCoach(const std::optional<LadderConfig>& config);

  bool active() const { return ladder_.has_value(); }
  // The tempo the click starts at: the ladder's first step's, else `drill_bpm`.
  double first_bpm(double drill_bpm) const { return ladder_ ? ladder_->bpm() : drill_bpm; }
  std::optional<double> ceiling_bpm() const { return ceiling_bpm_; }
  // The earliest bar line the step after the one under way can start on: its bars, then the
  // bar the coach decides in. A song's speed is not known past it.
  std::int64_t next_step_bar() const {
    return from_bar_ + (ladder_ ? ladder_->config().bars_per_step : 0) + 1;
  }

  // The audio thread started a tempo on `first_bar` (not the held bar of a pause starting
  // again). A change that came too late for its bar line starts a bar later: so does the step.
  void section_started(std::int64_t first_bar);

  // A step the closed bar ended.
  struct StepEnd {
    StepClosed step;
    bool ladder_over = false;
    std::int64_t next_from_bar = 0;  // when not over: the next step's tempo from this bar line
    double next_bpm = 0.0;
  };
  std::optional<StepEnd> bar_closed(const BarTally& bar);

  // The step under way against its rule, for the views; none without a ladder or once over.
  std::optional<StepProgress> progress() const;

  // Ends the ladder and writes its steps and verdict into `result`.
  void finish(LiveResult& result);

 private:
  std::optional<TempoLadder> ladder_;
  std::optional<double> ceiling_bpm_;
  std::int64_t from_bar_ = 0;  // bars before this one are the coach's thinking time
  std::vector<std::int64_t> step_first_bars_;
};

}  // namespace pocket
