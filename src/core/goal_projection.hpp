#pragma once

#include <chrono>
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "practice_history.hpp"
#include "tempo_trend.hpp"

namespace pocket {

// The player's own goal: a tempo, and optionally the date they would like to hold it by.
struct Goal {
  double bpm = 0.0;
  std::optional<std::chrono::sys_days> by;
};

// A date is projected only this far ahead: beyond, a rate is too slow to plan on.
inline constexpr int kFarthestProjectionDays = 730;  // two years

enum class ProjectionKind {
  reached,           // the consolidated tempo is at or above the goal
  nothing_held,      // no session has held a tempo yet
  too_little,        // too few sessions, or too short a span, to tell a rate
  level,             // the held tempo has stayed near one level
  unclear,           // a trend the sessions' scatter could have made: more sessions will tell
  falling,           // the held tempo is clearly coming down
  beyond_two_years,  // clearly rising, but too slowly to reach the goal within two years
  projected,         // a date at the player's own rate, and no goal date ahead to set it beside
  on_track,          // that date is on or before the goal's date
  after_the_date,    // that date is after the goal's date
};

std::string_view to_string(ProjectionKind kind);

struct GoalProjection {
  ProjectionKind kind = ProjectionKind::nothing_held;
  std::optional<double> consolidated_bpm;  // now
  // The most the next session may climb to: the per-session ceiling above the consolidated
  // tempo. A ceiling, never a forecast.
  std::optional<double> next_session_max_bpm;
  TempoTrend trend;  // the last eight weeks, up to today
  // With a goal date ahead: the weekly rise it would take from the consolidated tempo, and the
  // best clearly rising eight weeks of the history (none when none rose clearly).
  std::optional<double> needed_bpm_per_week;
  std::optional<double> best_bpm_per_week;
  // When the goal is reached at the player's own rate: only for a clearly rising trend, and
  // never more than kFarthestProjectionDays ahead.
  std::optional<std::chrono::sys_days> projected;
  std::string message;  // what the history shows, and what would change it, in plain sentences
};

// How the projection is made (sessions oldest first):
// - Now: the consolidated tempo C (consolidated_tempo). None: nothing_held. At or above the
//   goal G: reached. The next session's ceiling is max_increase_percent above C.
// - Own rate: the trend of the last eight weeks up to today (measure_trend, direction). A date
//   only when it is clearly rising: today + ceil((G - C) / slope) days, when that is at most
//   two years ahead (else beyond_two_years). Otherwise the message says what the history shows
//   (too little, level, unclear or falling) and what would change it, with no date.
// - With a date ahead: the weekly rise (G - C) / weeks to the date, beside the best clearly
//   rising eight weeks of the history. A projection on or before the date is on_track, after it
//   after_the_date.
// Throws std::invalid_argument for a goal tempo out of range or a cap that is not above 0 %.
GoalProjection project_goal(std::span<const HeldTempo> sessions, const Goal& goal,
                            std::chrono::sys_days today, double max_increase_percent = 5.0,
                            ConsolidationWindow window = {});

}  // namespace pocket
