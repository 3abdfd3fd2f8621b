#include "goal_sentences.hpp"

#include <fmt/format.h>

#include "tempo_text.hpp"

namespace pocket::goal_sentences {

using std::chrono::sys_days;

namespace {

const std::string kWindow = fmt::format("the last {} weeks", kTrendWindowDays / 7);

std::string count_of(int n, std::string_view one, std::string_view many) {
  return fmt::format("{} {}", n, n == 1 ? one : many);
}

std::string too_little(const TempoTrend& t) {
  const std::string who =
      t.sessions == 0 ? "No session" : count_of(t.sessions, "session", "sessions");
  std::string within;
  if (t.sessions >= 2 && t.span_days < kTrendMinSpanDays) {
    within = t.span_days == 0 ? ", all on one day"
                              : ", all within " + count_of(t.span_days, "day", "days");
  }
  return fmt::format(
      "{} in {} held a tempo{}: too little to tell a rate. A rate shows from {} sessions over "
      "{} weeks.",
      who, kWindow, within, kTrendMinSessions, kTrendMinSpanDays / 7);
}

std::string level(const GoalProjection& p, std::span<const HeldTempo> sessions) {
  const std::string give_or_take = format_one_decimal(*p.trend.scatter_bpm);
  const int weeks = days_near_level(sessions, p.trend) / 7;
  return fmt::format(
      "Your held tempo has stayed near {}{} for {} weeks: at this rate there is no date. A "
      "session that holds more than {} starts a rise; the next may climb as far as {}.",
      format_bpm(p.trend.mean_bpm),
      give_or_take == "0" ? "" : ", give or take " + give_or_take + " BPM,", weeks,
      format_bpm(*p.consolidated_bpm), format_bpm(*p.next_session_max_bpm));
}

std::string unclear(const TempoTrend& t) {
  return fmt::format(
      "Your held tempo may be {}, about {} BPM a week over {}, but your sessions land about {} "
      "either side of that trend, enough to hide it: no date yet. More sessions will tell.",
      *t.bpm_per_week > 0.0 ? "rising" : "easing", format_bpm_change(*t.bpm_per_week), kWindow,
      format_bpm(*t.scatter_bpm));
}

std::string falling(const TempoTrend& t) {
  return fmt::format(
      "Your held tempo has come down about {} BPM a week over {}: at this rate there is no "
      "date. Sessions at a tempo where your timing holds, and days of rest, are what turn it "
      "round.",
      format_bpm_change(*t.bpm_per_week, false), kWindow);
}

std::string rising(const GoalProjection& p, const Goal& goal) {
  const std::string rate = fmt::format("Your held tempo is rising about {} BPM a week over {}",
                                       format_bpm_change(*p.trend.bpm_per_week, false), kWindow);
  if (p.kind == ProjectionKind::beyond_two_years) {
    const double in_two_years =
        *p.consolidated_bpm + *p.trend.bpm_per_week / 7.0 * kFarthestProjectionDays;
    return fmt::format(
        "{}: at that rate {} is more than two years away, so there is no date. Two years at that "
        "rate reach about {}; a goal on the way there would give one.",
        rate, format_bpm(goal.bpm), format_bpm(in_two_years));
  }
  const std::string_view beside = p.kind == ProjectionKind::on_track ? ", in time for your date"
                                  : p.kind == ProjectionKind::after_the_date ? ", after your date"
                                                                             : "";
  return fmt::format("{}: at that rate you would reach {} around {}{}.", rate, format_bpm(goal.bpm),
                     format_date(*p.projected), beside);
}

// Beside a goal date: the rise it takes, and the best the history has done.
std::string goal_date(const GoalProjection& p, const Goal& goal, sys_days today) {
  if (!goal.by) return "";
  if (*goal.by <= today)
    return fmt::format(" Your date, {}, has passed: a new one gives a fresh measure.",
                       format_date(*goal.by));
  const std::string best = p.best_bpm_per_week
                               ? fmt::format("your best eight weeks rose {} a week",
                                             format_bpm_change(*p.best_bpm_per_week))
                               : "no eight weeks of your history have clearly risen yet";
  return fmt::format(" {} by {} needs {} BPM a week; {}.", format_bpm(goal.bpm),
                     format_date(*goal.by), format_bpm_change(*p.needed_bpm_per_week), best);
}

}  // namespace

std::string message(const GoalProjection& p, const Goal& goal, std::span<const HeldTempo> sessions,
                    sys_days today) {
  switch (p.kind) {
    case ProjectionKind::nothing_held:
      return "No session of this drill has held a tempo yet, so there is no rate to measure. The "
             "first session that meets its pass rule starts one.";
    case ProjectionKind::reached:
      return fmt::format("You hold {}, at or above your goal of {}.",
                         format_bpm(*p.consolidated_bpm), format_bpm(goal.bpm));
    case ProjectionKind::too_little: return too_little(p.trend) + goal_date(p, goal, today);
    case ProjectionKind::level: return level(p, sessions) + goal_date(p, goal, today);
    case ProjectionKind::unclear: return unclear(p.trend) + goal_date(p, goal, today);
    case ProjectionKind::falling: return falling(p.trend) + goal_date(p, goal, today);
    case ProjectionKind::beyond_two_years:
    case ProjectionKind::projected:
    case ProjectionKind::on_track:
    case ProjectionKind::after_the_date: break;
  }
  return rising(p, goal) + goal_date(p, goal, today);
}

}  // namespace pocket::goal_sentences
