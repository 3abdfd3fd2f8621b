#include "practice_history.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>

#include <fmt/format.h>

#include "tempo_map.hpp"

namespace pocket {

using std::chrono::days;
using std::chrono::sys_days;

namespace {

// Counts of days computed in floating point land on whole numbers up to rounding noise
// (1.05 squared is 1.1025 give or take an ulp): do not let the noise add a day.
int ceil_days(double value) {
  constexpr double kNoise = 1e-9;
  constexpr double kFarthest = 1e6;  // about 2700 years: keeps every date printable
  return static_cast<int>(std::min(std::ceil(value - kNoise), kFarthest));
}

int parse_digits(std::string_view text) {
  int value = 0;
  for (const char c : text) value = value * 10 + (c - '0');
  return value;
}

// What the rate window holds: its sessions with a held tempo, the days they span, and the
// least-squares slope when there is enough to measure it.
struct RateSample {
  int sessions = 0;
  int span_days = 0;
  std::optional<double> bpm_per_day;
};

RateSample measure_rate(std::span<const HeldTempo> sessions, sys_days today) {
  RateSample sample;
  std::optional<sys_days> first, last;
  double n = 0.0, sum_x = 0.0, sum_y = 0.0, sum_xx = 0.0, sum_xy = 0.0;
  for (const HeldTempo& s : sessions) {
    const int days_ago = (today - s.date).count();
    if (!s.bpm || days_ago < 0 || days_ago > kRateWindowDays) continue;
    const double x = -static_cast<double>(days_ago);  // days relative to today
    n += 1.0;
    sum_x += x;
    sum_y += *s.bpm;
    sum_xx += x * x;
    sum_xy += x * *s.bpm;
    first = first ? std::min(*first, s.date) : s.date;
    last = last ? std::max(*last, s.date) : s.date;
  }
  sample.sessions = static_cast<int>(n);
  if (first) sample.span_days = (*last - *first).count();
  if (sample.sessions < kRateMinSessions || sample.span_days < kRateMinSpanDays) return sample;
  sample.bpm_per_day = (n * sum_xy - sum_x * sum_y) / (n * sum_xx - sum_x * sum_x);
  return sample;
}

// "about 1.5 BPM a week", never "-0.0".
std::string describe_rate(double bpm_per_week) {
  double shown = std::round(bpm_per_week * 10.0) / 10.0;
  if (shown == 0.0) shown = 0.0;
  return fmt::format("about {:.1f} BPM a week", shown);
}

std::string describe_too_few(const RateSample& rate) {
  const std::string held =
      rate.sessions == 1 ? "1 session" : fmt::format("{} sessions", rate.sessions);
  const std::string span =
      rate.sessions >= 2 ? fmt::format(", spanning {} days", rate.span_days) : "";
  return fmt::format(
      "{} held a tempo in the last {} days{}: measuring your rate needs at least {} sessions "
      "spanning "
      "at least {} days",
      held, kRateWindowDays, span, kRateMinSessions, kRateMinSpanDays);
}

}  // namespace

std::optional<sys_days> parse_date(std::string_view text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
  for (const std::size_t i : {0, 1, 2, 3, 5, 6, 8, 9}) {
    if (text[i] < '0' || text[i] > '9') return std::nullopt;
  }
  const std::chrono::year_month_day date{
      std::chrono::year{parse_digits(text.substr(0, 4))},
      std::chrono::month{static_cast<unsigned>(parse_digits(text.substr(5, 2)))},
      std::chrono::day{static_cast<unsigned>(parse_digits(text.substr(8, 2)))}};
  if (!date.ok()) return std::nullopt;
  return sys_days{date};
}

std::string format_date(sys_days date) {
  const std::chrono::year_month_day ymd{date};
  return fmt::format("{:04}-{:02}-{:02}", static_cast<int>(ymd.year()),
                     static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()));
}

std::optional<double> consolidated_tempo(std::span<const HeldTempo> sessions,
                                         ConsolidationWindow window) {
  if (window.sessions < 1) throw std::invalid_argument("the window needs at least 1 session");
  if (window.days < 0) throw std::invalid_argument("the window cannot span negative days");
  std::optional<sys_days> newest;
  std::optional<double> highest;
  int counted = 0;
  for (auto it = sessions.rbegin(); it != sessions.rend() && counted < window.sessions; ++it) {
    if (!it->bpm) continue;
    if (!newest) newest = it->date;
    if (*newest - it->date > days{window.days}) break;
    highest = std::max(highest.value_or(*it->bpm), *it->bpm);
    ++counted;
  }
  return highest;
}

GoalProjection project_goal(std::span<const HeldTempo> sessions, const Goal& goal, sys_days today,
                            double max_increase_percent, ConsolidationWindow window) {
  if (!(goal.bpm >= kMinBpm && goal.bpm <= kMaxBpm)) {
    throw std::invalid_argument(fmt::format("the goal {:g} BPM is out of range: use {:g} to {:g}",
                                            goal.bpm, kMinBpm, kMaxBpm));
  }
  if (!(max_increase_percent > 0.0)) {
    throw std::invalid_argument("the healthy-pace cap must be above 0%");
  }
  const double goal_bpm = goal.bpm;
  GoalProjection p;
  p.consolidated_bpm = consolidated_tempo(sessions, window);
  if (!p.consolidated_bpm) {
    p.kind = ProjectionKind::too_few_sessions;
    p.message = fmt::format(
        "No tempo held in your recent sessions of this drill yet, so there is nothing to project "
        "{:g} BPM from",
        goal_bpm);
    return p;
  }
  const double now_bpm = *p.consolidated_bpm;
  if (now_bpm >= goal_bpm) {
    p.kind = ProjectionKind::reached;
    p.message =
        fmt::format("You hold {:g} BPM, at or above your goal of {:g} BPM", now_bpm, goal_bpm);
    return p;
  }

  const sys_days healthy =
      today +
      days{ceil_days(std::log(goal_bpm / now_bpm) / std::log(1.0 + max_increase_percent / 100.0))};
  p.healthy_earliest = healthy;
  const std::string healthy_text = fmt::format(
      "A healthy pace, at most {:g}% a day above your consolidated tempo, reaches {:g} BPM on {} "
      "at the earliest",
      max_increase_percent, goal_bpm, format_date(healthy));

  const RateSample rate = measure_rate(sessions, today);
  std::string own_pace;  // "your current rate of about 1.5 BPM a week you would reach ..."
  if (rate.bpm_per_day) {
    p.bpm_per_week = *rate.bpm_per_day * 7.0;
    if (*rate.bpm_per_day > 0.0) {
      const sys_days own = today + days{ceil_days((goal_bpm - now_bpm) / *rate.bpm_per_day)};
      p.projected = std::max(own, healthy);
      own_pace = fmt::format("your current rate of {} you would reach {:g} BPM around {}",
                             describe_rate(*p.bpm_per_week), goal_bpm, format_date(*p.projected));
      if (own < healthy) own_pace += ", the earliest a healthy pace allows";
    }
  }

  if (goal.by && *goal.by < healthy) {
    p.kind = ProjectionKind::faster_than_healthy;
    p.message = fmt::format(
        "{:g} BPM by {} would need more than a healthy pace: from your consolidated {:g} BPM, "
        "rising at most {:g}% a day, the earliest is {}",
        goal_bpm, format_date(*goal.by), now_bpm, max_increase_percent, format_date(healthy));
    if (p.projected) p.message += ". At " + own_pace;
    return p;
  }
  if (!rate.bpm_per_day) {
    p.kind = ProjectionKind::too_few_sessions;
    p.message = describe_too_few(rate) + ". " + healthy_text;
    return p;
  }
  if (!p.projected) {
    p.kind = ProjectionKind::no_upward_trend;
    p.message = fmt::format(
        "Your held tempo has not risen over the last {} days ({}), so there is no date to project "
        "at this rate. {}",
        kRateWindowDays, describe_rate(*p.bpm_per_week), healthy_text);
    return p;
  }
  if (!goal.by) {
    p.kind = ProjectionKind::no_date;
    p.message = fmt::format("You hold {:g} BPM now. At {}", now_bpm, own_pace);
  } else if (*p.projected <= *goal.by) {
    p.kind = ProjectionKind::on_track;
    p.message = fmt::format("You hold {:g} BPM now. At {}, by your date of {}", now_bpm, own_pace,
                            format_date(*goal.by));
  } else {
    p.kind = ProjectionKind::after_the_date;
    p.message = fmt::format("{:g} BPM by {} is within a healthy pace, but at {}", goal_bpm,
                            format_date(*goal.by), own_pace);
  }
  return p;
}

std::string_view to_string(ProjectionKind kind) {
  switch (kind) {
    case ProjectionKind::reached: return "reached";
    case ProjectionKind::no_upward_trend: return "no upward trend";
    case ProjectionKind::on_track: return "on track";
    case ProjectionKind::after_the_date: return "after the date";
    case ProjectionKind::faster_than_healthy: return "faster than healthy";
    case ProjectionKind::no_date: return "no date";
    case ProjectionKind::too_few_sessions: break;
  }
  return "too few sessions";
}

}  // namespace pocket
