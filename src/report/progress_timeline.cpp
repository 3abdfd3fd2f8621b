#include "progress_timeline.hpp"

#include <algorithm>
#include <cmath>

#include "calendar.hpp"
#include "core/tempo_ladder.hpp"

namespace pocket::progress_timeline {

std::optional<double> usable_bpm(std::optional<double> bpm) {
  if (bpm && std::isfinite(*bpm) && *bpm > 0.0) return bpm;
  return std::nullopt;
}

double pace_percent(const DrillProgress& drill) {
  return std::clamp(std::isfinite(drill.max_increase_percent) ? drill.max_increase_percent : 0.0,
                    0.0, 100.0);
}

std::optional<double> next_session_ceiling(const DrillProgress& drill) {
  const auto now = usable_bpm(drill.consolidated_bpm);
  if (!now) return std::nullopt;
  return std::max(*now, suggest_next_session(*now, pace_percent(drill)).max_bpm);
}

bool has_pace_band(const DrillProgress& drill, const Timeline& timeline) {
  return usable_bpm(drill.consolidated_bpm) && timeline.ahead_from && pace_percent(drill) > 0.0;
}

Timeline timeline(const DrillProgress& drill) {
  Timeline t;
  for (const ProgressPoint& p : drill.points) {
    const auto day = calendar::day_number(p.date);
    if (!day) {
      ++t.undated;
      continue;
    }
    std::optional<double> sd;
    if (std::isfinite(p.sd_ms) && p.sd_ms >= 0.0) sd = p.sd_ms;
    t.points.push_back({*day, usable_bpm(p.held_bpm), sd});
  }
  std::stable_sort(t.points.begin(), t.points.end(),
                   [](const DatedPoint& a, const DatedPoint& b) { return a.day < b.day; });
  t.ahead_from = calendar::day_number(drill.today);
  t.ahead_is_today = t.ahead_from.has_value();
  if (!t.ahead_from && !t.points.empty()) t.ahead_from = t.points.back().day;

  std::vector<int> days;
  for (const DatedPoint& p : t.points) days.push_back(p.day);
  if (t.ahead_from) {
    days.push_back(*t.ahead_from);
    if (has_pace_band(drill, t)) days.push_back(*t.ahead_from + kAheadDays);
  }
  if (!days.empty()) {
    t.first = *std::min_element(days.begin(), days.end());
    t.last = *std::max_element(days.begin(), days.end());
  }
  if (t.last - t.first < 6) {  // a week at least, so that one session does not fill the width
    const int widen = 6 - (t.last - t.first);
    t.first -= widen / 2;
    t.last += widen - widen / 2;
  }
  return t;
}

}  // namespace pocket::progress_timeline
