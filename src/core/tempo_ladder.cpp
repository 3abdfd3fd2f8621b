#include "tempo_ladder.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <functional>
#include <span>
#include <stdexcept>

#include <fmt/format.h>

#include "tempo_map.hpp"
#include "tempo_text.hpp"

namespace pocket {

namespace {

// Tempos a player reads: one decimal.
double tidy(double bpm) { return std::round(bpm * 10.0) / 10.0; }

std::string describe_step(const StepResult& step) {
  return fmt::format("{:.0f}% of slots within 25 ms, SD {:.1f} ms",
                     step.tally.slots_within_25ms() * 100.0, step.tally.sd_ms());
}

std::string describe_failure(const RuleCheck& check) {
  if (check.statistic == "SD") {
    return fmt::format("the spread (SD) grew to {:.1f} ms, beyond the rule's {:.0f} ms",
                       check.value, check.limit);
  }
  return fmt::format("only {:.0f}% of slots landed within 25 ms, short of the rule's {:.0f}%",
                     check.value * 100.0, check.limit * 100.0);
}

// The step that judges how a run of steps ended. A partial step judges the end only if it failed;
// a short solid stretch adds nothing.
const StepResult& judged_last(std::span<const StepResult> steps) {
  const StepResult& last = steps.back();
  if (!last.complete && last.check.passed && steps.size() > 1) return steps[steps.size() - 2];
  return last;
}

std::string stopped_early_message(const StepResult& last, const std::string& tempo) {
  return fmt::format(
      "stopped early: still {} at {}, within the rule. Your limit is further than that",
      describe_step(last), tempo);
}

}  // namespace

std::string ladder_tempo_text(const LadderConfig& config, double bpm) {
  if (!config.song_bpm) return format_bpm(bpm);
  if (config.song_tempo_changes) return fmt::format("{:.0f} %", 100.0 * bpm / *config.song_bpm);
  return fmt::format("{:.0f} % ({})", 100.0 * bpm / *config.song_bpm, format_bpm(bpm));
}

RuleCheck check_rule(const PassRule& rule, const Tally& tally) {
  const double share = tally.slots_within_25ms();
  if (share < rule.min_slots_within_25ms) {
    return {false, "slots within 25 ms", share, rule.min_slots_within_25ms};
  }
  const double sd = tally.sd_ms();
  if (sd > rule.max_sd_ms) return {false, "SD", sd, rule.max_sd_ms};
  return {true, "", 0.0, 0.0};
}

TempoStep parse_tempo_step(std::string_view text) {
  TempoStep step;
  step.percent = !text.empty() && text.back() == '%';
  const std::string_view number = step.percent ? text.substr(0, text.size() - 1) : text;
  const char* end = number.data() + number.size();
  auto [ptr, ec] = std::from_chars(number.data(), end, step.amount);
  if (ec != std::errc{} || ptr != end || !(step.amount > 0.0) ||
      (step.percent && step.amount > 50.0) || (!step.percent && step.amount > 100.0)) {
    throw std::invalid_argument(fmt::format(
        "step '{}' is not a tempo step: use a percentage like 3% or a number of BPM like 4", text));
  }
  return step;
}

void validate(const LadderConfig& c) {
  for (const double bpm : {c.start_bpm, c.target_bpm}) {
    if (!(bpm >= kMinBpm && bpm <= kMaxBpm)) {
      throw std::invalid_argument(
          fmt::format("tempo {:g} BPM is out of range: use {:g} to {:g}", bpm, kMinBpm, kMaxBpm));
    }
  }
  const bool down = c.direction == LadderDirection::down;
  if (down && c.target_bpm > c.start_bpm) {
    throw std::invalid_argument(fmt::format(
        "a ladder going down needs a target below the start: {:g} BPM is above the start {:g} BPM",
        c.target_bpm, c.start_bpm));
  }
  if (!down && c.target_bpm < c.start_bpm) {
    throw std::invalid_argument(fmt::format(
        "the target {:g} BPM is below the start {:g} BPM: to slow down, use the direction down",
        c.target_bpm, c.start_bpm));
  }
  if (c.bars_per_step < 1) throw std::invalid_argument("a step needs at least 1 bar");
  if (c.stop_after_fails < 1) throw std::invalid_argument("stop after at least 1 failed step");
  if (!(c.rule.min_slots_within_25ms >= 0.0 && c.rule.min_slots_within_25ms <= 1.0)) {
    throw std::invalid_argument("the share of slots within 25 ms must be between 0 and 1");
  }
  if (!(c.rule.max_sd_ms > 0.0)) throw std::invalid_argument("the SD limit must be above 0 ms");
  // A percent step is smallest in BPM at the slowest tempo: the start going up, the target down.
  if (!down && !(tidy(c.step.next(c.start_bpm)) > c.start_bpm)) {
    throw std::invalid_argument("the step is too small to raise the tempo: use at least 0.1 BPM");
  }
  if (down && !(tidy(c.step.previous(c.target_bpm)) < c.target_bpm)) {
    throw std::invalid_argument("the step is too small to lower the tempo: use at least 0.1 BPM");
  }
  if (!(c.max_increase_percent > 0.0)) {
    throw std::invalid_argument("the healthy-pace cap must be above 0%");
  }
}

std::string_view to_string(LadderDirection direction) {
  switch (direction) {
    case LadderDirection::down: return "down";
    case LadderDirection::up_down: return "up-down";
    case LadderDirection::up: break;
  }
  return "up";
}

LadderDirection parse_ladder_direction(std::string_view text) {
  if (text == "up") return LadderDirection::up;
  if (text == "down") return LadderDirection::down;
  if (text == "up-down") return LadderDirection::up_down;
  throw std::invalid_argument(
      fmt::format("direction '{}' is not a ladder direction: use up, down or up-down", text));
}

std::int64_t planned_bars(const LadderConfig& config) {
  TempoLadder ladder(config);
  Tally solid;
  solid.add_hit(0.0);
  std::int64_t bars = 0;
  constexpr std::int64_t kMostBars = 100000;  // a ladder of 0.1 BPM steps ends well before
  while (!ladder.finished() && bars < kMostBars) {
    ++bars;
    if (ladder.add_bar(solid) && !ladder.finished()) ++bars;  // the coach's bar
  }
  return bars;
}

TempoLadder::TempoLadder(LadderConfig config) : config_(std::move(config)) {
  validate(config_);
  descending_ = config_.direction == LadderDirection::down;
  ceiling_ = descending_ ? config_.start_bpm : config_.target_bpm;
  if (config_.consolidated_bpm) {
    ceiling_ = std::min(
        ceiling_, tidy(*config_.consolidated_bpm * (1.0 + config_.max_increase_percent / 100.0)));
  }
  bpm_ = std::min(config_.start_bpm, ceiling_);
}

bool TempoLadder::add_bar(const Tally& bar) {
  if (finished_) return false;
  current_ += bar;
  if (++current_bars_ < config_.bars_per_step) return false;
  close_step(true);
  return true;
}

void TempoLadder::stop() {
  if (finished_) return;
  if (current_bars_ > 0) close_step(false);
  stopped_by_player_ = true;
  finished_ = true;
}

void TempoLadder::close_step(bool complete) {
  const StepResult step{
      bpm_, current_bars_, complete, current_, check_rule(config_.rule, current_), descending_};
  steps_.push_back(step);
  current_ = {};
  current_bars_ = 0;
  if (!complete) return;
  if (step.check.passed) {
    after_pass();
  } else {
    after_fail();
  }
}

void TempoLadder::after_pass() {
  back_to_bpm_ = bpm_;
  if (!descending_) {
    best_passed_ = std::max(best_passed_.value_or(0.0), bpm_);
    if (bpm_ >= ceiling_) {
      if (config_.direction == LadderDirection::up_down) {
        turn();
      } else {
        finished_ = true;
      }
      return;
    }
    bpm_ = std::min(tidy(config_.step.next(bpm_)), ceiling_);
    return;
  }
  if (config_.direction == LadderDirection::down) {
    best_passed_ = std::min(best_passed_.value_or(bpm_), bpm_);
    // At or below the target: below only when the healthy-pace ceiling lies under the target.
    if (bpm_ <= config_.target_bpm) {
      finished_ = true;
      return;
    }
    bpm_ = std::max(tidy(config_.step.previous(bpm_)), config_.target_bpm);
    return;
  }
  // The way back of an up-down ladder. A solid step-back step returns to the tempo that failed.
  if (bpm_ == way_down_bpm_[way_down_index_]) ++way_down_index_;
  if (way_down_index_ == way_down_bpm_.size()) {
    finished_ = true;
    return;
  }
  bpm_ = way_down_bpm_[way_down_index_];
}

void TempoLadder::after_fail() {
  if (++fails_ >= config_.stop_after_fails) {
    if (config_.direction == LadderDirection::up_down && !descending_) {
      turn();
    } else {
      finished_ = true;
    }
    return;
  }
  if (config_.on_fail == FailPolicy::step_back && back_to_bpm_) bpm_ = *back_to_bpm_;
}

void TempoLadder::turn() {
  turned_at_ = steps_.size();
  turn_bpm_ = bpm_;
  for (const StepResult& s : steps_) {
    if (s.complete && s.check.passed && s.bpm < bpm_) way_down_bpm_.push_back(s.bpm);
  }
  std::sort(way_down_bpm_.begin(), way_down_bpm_.end(), std::greater<>());
  way_down_bpm_.erase(std::unique(way_down_bpm_.begin(), way_down_bpm_.end()), way_down_bpm_.end());
  descending_ = true;
  fails_ = 0;  // the way down gets its own tries
  if (way_down_bpm_.empty()) {
    finished_ = true;
    return;
  }
  bpm_ = way_down_bpm_.front();
}

LimitVerdict TempoLadder::verdict() const {
  if (steps_.empty()) {
    LimitVerdict v;
    v.message = "no step was played, so there is nothing to judge yet";
    return v;
  }
  switch (config_.direction) {
    case LadderDirection::down: return down_verdict();
    case LadderDirection::up_down: {
      LimitVerdict v =
          climb_verdict(turned_at_.value_or(steps_.size()), stopped_by_player_ && !turned_at_);
      if (turned_at_) v.message += ". " + way_down_sentence();
      return v;
    }
    case LadderDirection::up: break;
  }
  return climb_verdict(steps_.size(), stopped_by_player_);
}

LimitVerdict TempoLadder::climb_verdict(std::size_t climb_steps, bool stopped_in_climb) const {
  LimitVerdict v;
  v.best_passed_bpm = best_passed_.value_or(0.0);
  const StepResult& last = judged_last(std::span(steps_).first(climb_steps));
  v.last_bpm = last.bpm;
  const std::string solid =
      best_passed_ ? "solid up to " + say(v.best_passed_bpm) : "no step held yet";

  if (!last.check.passed) {
    v.kind = VerdictKind::real_limit;
    v.message =
        fmt::format("real limit at {}: {}; {}", say(last.bpm), describe_failure(last.check), solid);
  } else if (stopped_in_climb) {
    v.kind = VerdictKind::stopped_early;
    v.message = stopped_early_message(last, say(last.bpm));
  } else if (ceiling_ < config_.target_bpm) {
    v.kind = VerdictKind::pace_cap_reached;
    v.message = fmt::format(
        "held {} ({}), today's healthy-pace ceiling: {:g}% above your consolidated {}. "
        "Come back next session for more",
        say(last.bpm), describe_step(last), config_.max_increase_percent,
        say(*config_.consolidated_bpm));
  } else {
    v.kind = VerdictKind::target_reached;
    v.message = fmt::format("reached the target: {} held ({})", say(last.bpm), describe_step(last));
  }
  return v;
}

LimitVerdict TempoLadder::down_verdict() const {
  LimitVerdict v;
  v.best_passed_bpm = best_passed_.value_or(0.0);
  const StepResult& last = judged_last(steps_);
  v.last_bpm = last.bpm;
  const std::string solid =
      best_passed_ ? "solid down to " + say(v.best_passed_bpm) : "no step held yet";

  if (!last.check.passed) {
    v.kind = VerdictKind::real_limit;
    v.message = fmt::format("real limit at {} on the way down: {}; {}", say(last.bpm),
                            describe_failure(last.check), solid);
  } else if (stopped_by_player_) {
    v.kind = VerdictKind::stopped_early;
    v.message = stopped_early_message(last, say(last.bpm));
  } else if (ceiling_ < config_.target_bpm) {
    v.kind = VerdictKind::pace_cap_reached;
    v.message = fmt::format(
        "held {} ({}). The whole ladder, {} down to {}, lies above today's "
        "healthy-pace ceiling, {:g}% above your consolidated {}, so it ran at the ceiling",
        say(last.bpm), describe_step(last), format_one_decimal(config_.start_bpm),
        say(config_.target_bpm), config_.max_increase_percent, say(*config_.consolidated_bpm));
  } else {
    v.kind = VerdictKind::target_reached;
    v.message = fmt::format("reached the target: {} held ({})", say(last.bpm), describe_step(last));
  }
  return v;
}

std::string TempoLadder::way_down_sentence() const {
  if (!best_passed_) return "Nothing held on the way up, so there was no way down to play";
  if (way_down_bpm_.empty()) {
    return fmt::format("No tempo below {} held on the way up, so there was no way down",
                       say(*turn_bpm_));
  }
  if (!finished_) return "The way down is under way at " + say(bpm_);
  const std::span<const StepResult> way_down = std::span(steps_).subspan(*turned_at_);
  if (way_down.empty()) return "You stopped before the way down";
  const StepResult& last = judged_last(way_down);
  if (!last.check.passed) {
    return fmt::format("On the way down, {} did not hold{}: {}", say(last.bpm),
                       stopped_by_player_ ? " before you stopped" : "",
                       describe_failure(last.check));
  }
  if (stopped_by_player_) {
    return fmt::format("You stopped on the way down, still solid at {} ({})", say(last.bpm),
                       describe_step(last));
  }
  if (way_down_bpm_.size() == 1) {
    return fmt::format("On the way down the start tempo, {}, held again",
                       say(way_down_bpm_.front()));
  }
  return fmt::format("On the way down every tempo held, from {} back to the start at {}",
                     format_one_decimal(way_down_bpm_.front()), say(way_down_bpm_.back()));
}

std::string_view to_string(VerdictKind kind) {
  switch (kind) {
    case VerdictKind::real_limit: return "real limit";
    case VerdictKind::stopped_early: return "stopped early";
    case VerdictKind::target_reached: return "target reached";
    case VerdictKind::pace_cap_reached: return "healthy-pace ceiling reached";
    case VerdictKind::no_steps: break;
  }
  return "no steps";
}

SessionSuggestion suggest_next_session(double consolidated_bpm, double max_increase_percent) {
  return {tidy(std::max(kMinBpm, consolidated_bpm * 0.97)),
          tidy(std::min(kMaxBpm, consolidated_bpm * (1.0 + max_increase_percent / 100.0)))};
}

}  // namespace pocket
