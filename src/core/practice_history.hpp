#pragma once

#include <chrono>
#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace pocket {

// Dates are whole days. The caller says which day is today: core never reads a clock.

// "YYYY-MM-DD"; nothing when the text is malformed or the date does not exist (2027-02-30).
std::optional<std::chrono::sys_days> parse_date(std::string_view text);
std::string format_date(std::chrono::sys_days date);  // "YYYY-MM-DD"

// One kept session of a drill: its date and the tempo it held (a complete passed ladder step's
// highest tempo, or the tempo of a finished fixed-tempo session that met its pass rule), none
// when it held none.
struct HeldTempo {
  std::chrono::sys_days date;
  std::optional<double> bpm;
};

// The recent window the consolidated tempo is read from: the last `sessions` sessions of the
// drill that held a tempo, those at most `days` days older than the newest of them. Sessions
// that held nothing take no place in it, so a run of loose sessions never lifts the cap; a
// tempo held long before the latest one no longer counts.
struct ConsolidationWindow {
  int sessions = 10;
  int days = 28;
};

// The highest tempo held in the window (sessions oldest first); none when nothing was held
// there. Throws std::invalid_argument for a window of no sessions or negative days.
std::optional<double> consolidated_tempo(std::span<const HeldTempo> sessions,
                                         ConsolidationWindow window = {});

// The player's own goal: a tempo, and optionally the date they would like to hold it by.
struct Goal {
  double bpm = 0.0;
  std::optional<std::chrono::sys_days> by;
};

enum class ProjectionKind {
  reached,              // the consolidated tempo is at or above the goal
  too_few_sessions,     // not enough history to measure a rate (or nothing held yet)
  no_upward_trend,      // the held tempo is level or easing over the rate window
  on_track,             // the projection falls on or before the goal's date
  after_the_date,       // the date allows a healthy pace, but the projection falls after it
  faster_than_healthy,  // the date is earlier than a healthy pace allows
  no_date,              // a projection, and the goal has no date
};

std::string_view to_string(ProjectionKind kind);

struct GoalProjection {
  ProjectionKind kind = ProjectionKind::too_few_sessions;
  std::optional<double> consolidated_bpm;  // now
  std::optional<double> bpm_per_week;      // the player's own rate (least squares), when measured
  // When the goal is reached at the player's own rate, never earlier than healthy_earliest.
  std::optional<std::chrono::sys_days> projected;
  std::optional<std::chrono::sys_days> healthy_earliest;  // the earliest a healthy pace allows
  std::string message;  // one or two plain sentences with the numbers
};

// The rate is measured over the sessions dated today or at most this many days before it.
inline constexpr int kRateWindowDays = 56;
// A rate needs at least this many sessions with a held tempo, spanning at least this many days.
inline constexpr int kRateMinSessions = 3;
inline constexpr int kRateMinSpanDays = 7;

// How the projection is made (sessions oldest first):
// - Now: the consolidated tempo C = consolidated_tempo(sessions, window). None held yet:
//   too_few_sessions, there is nothing to project from. C at or above the goal G: reached.
// - Healthy pace: at most one counted session a day, each at most max_increase_percent above
//   the consolidated tempo, so G is reachable at the earliest after
//   ceil(log(G / C) / log(1 + max_increase_percent / 100)) days: healthy_earliest = today + that.
// - Own rate: the least-squares slope of held BPM against date over the sessions with a held
//   tempo dated today or at most 56 days before it, reported per week. Fewer than 3 such
//   sessions, or spanning fewer than 7 days, is too little to measure: too_few_sessions, no
//   projection. A slope at or below zero: no_upward_trend, no projection.
// - Projection: today + ceil((G - C) / BPM per day) days, but never earlier than
//   healthy_earliest: the projection is never faster than a healthy pace.
// - With a date: a date before healthy_earliest is faster_than_healthy whatever the rate (the
//   message gives the healthy date, and the projection when there is one). Otherwise, with too
//   few sessions or no upward trend, that kind; a projection on or before the date is on_track,
//   after it after_the_date. Without a date: too_few_sessions, no_upward_trend or no_date.
// Throws std::invalid_argument for a goal tempo out of range or a cap that is not above 0 %.
GoalProjection project_goal(std::span<const HeldTempo> sessions, const Goal& goal,
                            std::chrono::sys_days today, double max_increase_percent = 5.0,
                            ConsolidationWindow window = {});

}  // namespace pocket
