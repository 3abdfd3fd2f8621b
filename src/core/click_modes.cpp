#include "click_modes.hpp"

#include <algorithm>

namespace pocket {

// A bar closes once its last strokes are in, when the next bar is already playing: a change
// decided then takes effect on the bar line after that.
std::optional<SilenceRequest> SilentWhileTightMode::bar_closed(const BarTally& bar) {
  const bool tight = check_rule(config_.window, bar.tally).passed;
  if (silent_) {
    if (tight) return std::nullopt;
    silent_ = false;
    tight_bars_ = 0;
    return SilenceRequest{SilenceRequest::Kind::end_silence, bar.bar + 2};
  }
  tight_bars_ = tight ? tight_bars_ + 1 : 0;
  if (tight_bars_ < config_.after_bars) return std::nullopt;
  silent_ = true;
  return SilenceRequest{SilenceRequest::Kind::silence, bar.bar + 2};
}

QuietCountMode::QuietCountMode(QuietCount config)
    : config_(config),
      gap_bars_(config.first_gap_bars),
      planned_{SilenceRequest::Kind::silence, config.play_bars,
               config.play_bars + config.first_gap_bars} {}

std::optional<SilenceRequest> QuietCountMode::bar_closed(const BarTally& bar, bool silenced) {
  if (bar.bar < planned_.from_bar) return std::nullopt;
  if (!silenced && bar.bar == planned_.from_bar) {
    // The request came too late for its bar line: the gap starts a bar later.
    ++planned_.from_bar;
    ++planned_.to_bar;
    return std::nullopt;
  }
  tally_ += bar.tally;
  if (bar.bar < planned_.to_bar - 1) return std::nullopt;

  const bool held = check_rule(config_.window, tally_).passed;
  gaps_.push_back({planned_.from_bar, gap_bars_, held, tally_});
  gap_bars_ = std::clamp(gap_bars_ + (held ? 1 : -1), 1, config_.max_gap_bars);
  tally_ = {};
  const std::int64_t next = planned_.to_bar + config_.play_bars;
  planned_ = {SilenceRequest::Kind::silence, next, next + gap_bars_};
  return planned_;
}

}  // namespace pocket
