#include "live/bar_scoring.hpp"

namespace pocket {

BarScoring::BarScoring(const Drill& drill, std::vector<std::string> pad_names)
    : drill_(drill),
      expected_(expected_strokes(drill, pad_names)),
      sticking_(sticking_of(drill, pad_names)),
      scorer_(drill.meters, drill.scored_grid(), pad_names, expected_, drill.swing,
              feel_of(drill, pad_names)),
      clicks_(scorer_.grid()) {}

std::vector<BarClosed> BarScoring::close_bars(double until, std::int64_t last_bar) {
  std::vector<BarClosed> closed;
  for (const BarTally& bar : scorer_.close_bars(until, last_bar)) {
    last_bar_closed_ = bar.bar;
    BarClosed c{bar, scorer_.bpm_of_bar(bar.bar), clicks_.silenced(bar.bar),
                scorer_.scored_in_bar(bar.bar), &scorer_.pad_names()};
    for (ScoredStroke& s : c.strokes) s.click_heard = clicks_.heard_at(s.slot);
    closed.push_back(std::move(c));
  }
  return closed;
}

Analysis BarScoring::analysis(std::int64_t end_bar, std::int64_t last_bar,
                              std::int64_t double_triggers) {
  scorer_.end_before_bar(end_bar);
  AnalysisOptions options{
      drill_.click.gap, &expected_,
      std::nullopt,     [this](std::int64_t slot) { return clicks_.heard_at(slot); },
      scorer_.feel(),   &sticking_};
  if (!expected_.plain() && last_bar >= 0) options.bars = std::pair{std::int64_t{0}, last_bar};
  return analyze(scorer_.strokes(), scorer_.grid(), scorer_.pad_names(), double_triggers, options);
}

ClickModeResult BarScoring::click_modes() const {
  return {clicks_.clicks(),
          clicks_.left_out(MuteReason::random),
          clicks_.silent_stretches(scorer_.grid()),
          {}};
}

const std::string& BarScoring::pad_of(const ScoredStroke& stroke) const {
  return scorer_.pad_names()[static_cast<std::size_t>(stroke.stroke.pad)];
}

}  // namespace pocket
