#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "timing_stats.hpp"

namespace pocket {

// When a step counts as solid.
struct PassRule {
  double min_slots_within_25ms = 0.85;  // share of expected slots struck within +-25 ms
  double max_sd_ms = 18.0;              // standard deviation of the offsets
};

struct RuleCheck {
  bool passed = false;
  std::string statistic;  // what broke: "slots within 25 ms" or "SD"; empty when passed
  double value = 0.0;
  double limit = 0.0;
};

RuleCheck check_rule(const PassRule& rule, const Tally& tally);

// A tempo increase: a percentage of the current tempo or a fixed number of BPM.
struct TempoStep {
  bool percent = true;
  double amount = 3.0;

  double next(double bpm) const { return percent ? bpm * (1.0 + amount / 100.0) : bpm + amount; }
};

// Parses "3%" or "4" (BPM). Throws std::invalid_argument.
TempoStep parse_tempo_step(std::string_view text);

enum class FailPolicy { repeat, step_back };

struct LadderConfig {
  double start_bpm = 100.0;
  double target_bpm = 140.0;
  TempoStep step;
  int bars_per_step = 8;
  PassRule rule;
  FailPolicy on_fail = FailPolicy::repeat;  // after a failed step: try again, or one step down
  int stop_after_fails = 2;                 // failed steps that end the ladder
  std::optional<double> consolidated_bpm;   // the player's last solid tempo, from history
  double max_increase_percent = 5.0;        // healthy pace: at most this far above it today
};

// Throws std::invalid_argument naming the setting that is wrong.
void validate(const LadderConfig& config);

struct StepResult {
  double bpm = 0.0;
  int bars = 0;
  bool complete = false;  // false: the ladder stopped during this step
  Tally tally;
  RuleCheck check;
};

enum class VerdictKind { real_limit, stopped_early, target_reached, pace_cap_reached, no_steps };

struct LimitVerdict {
  VerdictKind kind = VerdictKind::no_steps;
  double best_passed_bpm = 0.0;  // 0 when no step passed
  double last_bpm = 0.0;
  std::string message;  // in plain words, with the numbers
};

std::string_view to_string(VerdictKind kind);

// Decides the tempo at bar lines: up a small step after a solid step, never beyond the target
// or the healthy-pace ceiling; after a failed step, repeat or step back; stop after N fails.
class TempoLadder {
 public:
  explicit TempoLadder(LadderConfig config);

  double bpm() const { return bpm_; }
  // min(target, consolidated * (1 + cap)): the highest tempo this ladder will propose.
  double ceiling_bpm() const { return ceiling_; }
  bool finished() const { return finished_; }
  const std::vector<StepResult>& steps() const { return steps_; }
  const LadderConfig& config() const { return config_; }

  // Feeds one bar played at bpm(). Returns true when the bar closed a step.
  bool add_bar(const Tally& bar);
  // The player stopped: a partly played step is kept as incomplete.
  void stop();

  LimitVerdict verdict() const;

 private:
  void close_step(bool complete);

  LadderConfig config_;
  double ceiling_;
  double bpm_;
  std::optional<double> best_passed_;
  int fails_ = 0;
  bool finished_ = false;
  bool stopped_by_player_ = false;
  Tally current_;
  int current_bars_ = 0;
  std::vector<StepResult> steps_;
};

// Healthy pace for the next session: start a little below the consolidated tempo, and go no
// higher than the capped increase.
struct SessionSuggestion {
  double start_bpm = 0.0;
  double max_bpm = 0.0;
};
SessionSuggestion suggest_next_session(double consolidated_bpm, double max_increase_percent = 5.0);

}  // namespace pocket
