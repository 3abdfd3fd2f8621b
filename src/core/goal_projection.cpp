#include "goal_projection.hpp"

#include <cmath>
#include <stdexcept>

#include <fmt/format.h>

#include "goal_sentences.hpp"
#include "tempo_ladder.hpp"
#include "tempo_map.hpp"

namespace pocket {

using std::chrono::days;
using std::chrono::sys_days;

namespace {

void check_goal(const Goal& goal, double max_increase_percent) {
  if (!(goal.bpm >= kMinBpm && goal.bpm <= kMaxBpm)) {
    throw std::invalid_argument(fmt::format("the goal {:g} BPM is out of range: use {:g} to {:g}",
                                            goal.bpm, kMinBpm, kMaxBpm));
  }
  if (!(max_increase_percent > 0.0)) {
    throw std::invalid_argument("the healthy-pace cap must be above 0%");
  }
}

ProjectionKind kind_of(TrendDirection direction) {
  switch (direction) {
    case TrendDirection::rising: return ProjectionKind::projected;
    case TrendDirection::falling: return ProjectionKind::falling;
    case TrendDirection::level: return ProjectionKind::level;
    case TrendDirection::unclear: return ProjectionKind::unclear;
    case TrendDirection::too_little: break;
  }
  return ProjectionKind::too_little;
}

// A clearly rising trend's date for the goal, or beyond_two_years. Compared in days as a
// double first: a slow rate would overflow any calendar.
void project_date(GoalProjection& p, const Goal& goal, sys_days today) {
  constexpr double kNoise = 1e-9;  // a whole number of days computed in floating point
  const double days_to_go = (goal.bpm - *p.consolidated_bpm) / (*p.trend.bpm_per_week / 7.0);
  if (days_to_go > kFarthestProjectionDays) {
    p.kind = ProjectionKind::beyond_two_years;
    return;
  }
  p.projected = today + days{static_cast<int>(std::ceil(days_to_go - kNoise))};
  if (goal.by && *goal.by > today)
    p.kind = *p.projected <= *goal.by ? ProjectionKind::on_track : ProjectionKind::after_the_date;
}

}  // namespace

GoalProjection project_goal(std::span<const HeldTempo> sessions, const Goal& goal, sys_days today,
                            double max_increase_percent, ConsolidationWindow window) {
  check_goal(goal, max_increase_percent);
  GoalProjection p;
  p.consolidated_bpm = consolidated_tempo(sessions, window);
  p.trend = measure_trend(sessions, today);
  if (!p.consolidated_bpm) {
    p.kind = ProjectionKind::nothing_held;
    p.message = goal_sentences::message(p, goal, sessions, today);
    return p;
  }
  p.next_session_max_bpm = suggest_next_session(*p.consolidated_bpm, max_increase_percent).max_bpm;
  if (*p.consolidated_bpm >= goal.bpm) {
    p.kind = ProjectionKind::reached;
    p.message = goal_sentences::message(p, goal, sessions, today);
    return p;
  }
  p.kind = kind_of(direction(p.trend));
  if (p.kind == ProjectionKind::projected) project_date(p, goal, today);
  if (goal.by && *goal.by > today) {
    const double weeks_left = (*goal.by - today).count() / 7.0;
    p.needed_bpm_per_week = (goal.bpm - *p.consolidated_bpm) / weeks_left;
    p.best_bpm_per_week = best_rise_per_week(sessions);
  }
  p.message = goal_sentences::message(p, goal, sessions, today);
  return p;
}

std::string_view to_string(ProjectionKind kind) {
  switch (kind) {
    case ProjectionKind::reached: return "reached";
    case ProjectionKind::too_little: return "too little to tell";
    case ProjectionKind::level: return "level";
    case ProjectionKind::unclear: return "unclear";
    case ProjectionKind::falling: return "falling";
    case ProjectionKind::beyond_two_years: return "beyond two years";
    case ProjectionKind::projected: return "projected";
    case ProjectionKind::on_track: return "on track";
    case ProjectionKind::after_the_date: return "after the date";
    case ProjectionKind::nothing_held: break;
  }
  return "nothing held";
}

}  // namespace pocket
