#pragma once

#include <cstddef>
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

  friend bool operator==(const PassRule&, const PassRule&) = default;
};

struct RuleCheck {
  bool passed = false;
  std::string statistic;  // what broke: "slots within 25 ms" or "SD"; empty when passed
  double value = 0.0;
  double limit = 0.0;
};

RuleCheck check_rule(const PassRule& rule, const Tally& tally);

// A tempo change: a percentage of the current tempo or a fixed number of BPM.
struct TempoStep {
  bool percent = true;
  double amount = 3.0;

  double next(double bpm) const { return percent ? bpm * (1.0 + amount / 100.0) : bpm + amount; }
  // The inverse of next(): one step down from bpm.
  double previous(double bpm) const {
    return percent ? bpm / (1.0 + amount / 100.0) : bpm - amount;
  }
};

// Parses "3%" or "4" (BPM). Throws std::invalid_argument.
TempoStep parse_tempo_step(std::string_view text);

enum class FailPolicy { repeat, step_back };

// up: climb from the start to the target. down: slow down from the start to a lower target.
// up_down: climb, then come back down through the tempos that held on the way up.
enum class LadderDirection { up, down, up_down };

std::string_view to_string(LadderDirection direction);  // "up", "down", "up-down"
// Throws std::invalid_argument naming the three words.
LadderDirection parse_ladder_direction(std::string_view text);

struct LadderConfig {
  double start_bpm = 100.0;
  double target_bpm = 140.0;
  TempoStep step;
  int bars_per_step = 8;
  PassRule rule;
  LadderDirection direction = LadderDirection::up;
  // After a failed step: try again, or go back to the tempo that last held.
  FailPolicy on_fail = FailPolicy::repeat;
  int stop_after_fails = 2;                // failed steps that end the ladder
  std::optional<double> consolidated_bpm;  // the player's last solid tempo, from history
  double max_increase_percent = 5.0;       // healthy pace: at most this far above it today
  // A ladder on a song: the song's tempo at 100 % (where it opens, when its tempo changes). Its
  // tempos are said as shares of it too.
  std::optional<double> song_bpm;
  // The song's tempo changes: its shares are said alone, one BPM would not be what it played.
  bool song_tempo_changes = false;
};

// "102 BPM", or on a song "85 % (102 BPM)", or "85 %" on a song whose tempo changes.
std::string ladder_tempo_text(const LadderConfig& config, double bpm);

// Throws std::invalid_argument naming the setting that is wrong.
void validate(const LadderConfig& config);

// The bars a ladder plays when every step holds: its steps, and the unscored bar after each
// step but the last, where the coach decides.
std::int64_t planned_bars(const LadderConfig& config);

struct StepResult {
  double bpm = 0.0;
  int bars = 0;
  bool complete = false;  // false: the ladder stopped during this step
  Tally tally;
  RuleCheck check;
  bool descending = false;  // a step of a down ladder, or of the way back of an up-down ladder
};

enum class VerdictKind { real_limit, stopped_early, target_reached, pace_cap_reached, no_steps };

// For an up-down ladder the kind and both tempos describe the climb; the message adds the way
// down. For a down ladder the best passed tempo is the slowest that held.
struct LimitVerdict {
  VerdictKind kind = VerdictKind::no_steps;
  double best_passed_bpm = 0.0;  // 0 when no step passed
  double last_bpm = 0.0;
  std::string message;  // in plain words, with the numbers
};

std::string_view to_string(VerdictKind kind);

// Decides the tempo at bar lines. After a solid step it moves one small step towards the
// target, never past it and never above the healthy-pace ceiling; after a failed step it
// repeats or steps back; N failed steps end the ladder (or, going up then down, end the climb).
// An up-down ladder turns where the climb ends and comes back down through the tempos that
// held on the way up and lie below the turning tempo, highest first, to the start tempo; the
// fail count starts again at the turn.
class TempoLadder {
 public:
  explicit TempoLadder(LadderConfig config);

  double bpm() const { return bpm_; }
  // min(the highest tempo the ladder would propose, consolidated * (1 + cap)): no step runs
  // above it. The highest proposed tempo is the target going up, the start going down.
  double ceiling_bpm() const { return ceiling_; }
  bool finished() const { return finished_; }
  const std::vector<StepResult>& steps() const { return steps_; }
  const LadderConfig& config() const { return config_; }
  // The step being played: its bars so far and their tally.
  int bars_in_step() const { return current_bars_; }
  const Tally& step_so_far() const { return current_; }

  // Feeds one bar played at bpm(). Returns true when the bar closed a step.
  bool add_bar(const Tally& bar);
  // The player stopped: a partly played step is kept as incomplete.
  void stop();

  LimitVerdict verdict() const;

 private:
  void close_step(bool complete);
  void after_pass();
  void after_fail();
  void turn();
  LimitVerdict climb_verdict(std::size_t climb_steps, bool stopped_in_climb) const;
  LimitVerdict down_verdict() const;
  std::string way_down_sentence() const;
  std::string say(double bpm) const { return ladder_tempo_text(config_, bpm); }

  LadderConfig config_;
  double ceiling_;
  double bpm_;
  bool descending_ = false;
  std::optional<double> best_passed_;     // climbing: the highest that held; down: the lowest
  std::optional<double> back_to_bpm_;     // where step_back returns: the tempo that last held
  std::optional<std::size_t> turned_at_;  // up-down: the number of climb steps, once turned
  std::optional<double> turn_bpm_;        // up-down: the tempo the climb ended at
  std::vector<double> way_down_bpm_;      // up-down: the tempos to come back through
  std::size_t way_down_index_ = 0;        // the one being played (or stepped back from)
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
