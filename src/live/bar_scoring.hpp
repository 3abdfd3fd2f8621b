#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/click_log.hpp"
#include "core/drill.hpp"
#include "core/live_scorer.hpp"
#include "live/live_result.hpp"
#include "live/session_events.hpp"

namespace pocket {

// A live session's scoring: each stroke as it comes, each bar once no stroke can still land in
// it, and the whole session at the end, beside what the click did in each bar. Clock-free: the
// caller says how far bars may close. [session thread]
class BarScoring {
 public:
  BarScoring(const Drill& drill, std::vector<std::string> pad_names);

  void add_section(std::int64_t first_bar, double start_seconds, double bpm) {
    scorer_.add_section(first_bar, start_seconds, bpm);
  }
  void add_click(const ClickEvent& click) { clicks_.add(click, drill_.click.subdivision); }
  std::optional<ScoredStroke> add_stroke(const Stroke& stroke) {
    return scorer_.add_stroke(stroke);
  }

  // The bars that ended before `until` and are not past `last_bar` (the click has not reached
  // a later one), each with its strokes and whether the click was heard at them.
  std::vector<BarClosed> close_bars(double until, std::int64_t last_bar);
  // The last bar closed; -1 before any.
  std::int64_t last_bar_closed() const { return last_bar_closed_; }

  // The whole session, its click ended before `end_bar`: the bars up to `last_bar` played.
  Analysis analysis(std::int64_t end_bar, std::int64_t last_bar, std::int64_t double_triggers);
  // What the click modes left out, from the clicks the audio thread played.
  ClickModeResult click_modes() const;

  const std::string& pad_of(const ScoredStroke& stroke) const;
  double bpm_of_bar(std::int64_t bar) const { return scorer_.bpm_of_bar(bar); }
  const Grid& grid() const { return scorer_.grid(); }
  const std::vector<std::string>& pad_names() const { return scorer_.pad_names(); }

 private:
  const Drill& drill_;
  ExpectedStrokes expected_;  // before scorer_, which keeps a reference
  Sticking sticking_;
  LiveScorer scorer_;
  ClickLog clicks_;
  std::int64_t last_bar_closed_ = -1;
};

}  // namespace pocket
