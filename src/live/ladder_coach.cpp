#include "live/ladder_coach.hpp"

namespace pocket {

LadderCoach::LadderCoach(const std::optional<LadderConfig>& config) {
  if (!config) return;
  ladder_.emplace(*config);
  ceiling_bpm_ = ladder_->ceiling_bpm();  // today's, before the first step
  step_first_bars_.push_back(0);
}

void LadderCoach::section_started(std::int64_t first_bar) {
  if (!ladder_ || first_bar <= from_bar_) return;
  from_bar_ = first_bar;
  step_first_bars_.back() = first_bar;
}

// A closed bar goes to the coach first: a new tempo must reach the click before the bar line
// it is meant for, ahead of the slower work of writing the bar down.
std::optional<LadderCoach::StepEnd> LadderCoach::bar_closed(const BarTally& bar) {
  if (!ladder_ || ladder_->finished() || bar.bar < from_bar_ || !ladder_->add_bar(bar.tally))
    return std::nullopt;
  const std::size_t index = ladder_->steps().size() - 1;
  StepEnd end;
  end.ladder_over = ladder_->finished();
  if (!end.ladder_over) {
    // The next bar is already playing: the new tempo starts on the bar line after it.
    from_bar_ = bar.bar + 2;
    end.next_from_bar = from_bar_;
    end.next_bpm = ladder_->bpm();
    step_first_bars_.push_back(from_bar_);
  }
  end.step = StepClosed{ladder_->steps().back(), index, step_first_bars_.at(index)};
  return end;
}

std::optional<StepProgress> LadderCoach::progress() const {
  if (!ladder_ || ladder_->finished()) return std::nullopt;
  return StepProgress{ladder_->steps().size(), ladder_->bpm(),
                      ladder_->bars_in_step(), ladder_->config().bars_per_step,
                      ladder_->step_so_far(),  ladder_->config().rule};
}

void LadderCoach::finish(LiveResult& result) {
  result.ceiling_bpm = ceiling_bpm_;
  if (!ladder_) return;
  ladder_->stop();
  result.steps = ladder_->steps();
  result.step_first_bars = step_first_bars_;
  result.step_first_bars.resize(result.steps.size());
  result.verdict = ladder_->verdict();
}

}  // namespace pocket
