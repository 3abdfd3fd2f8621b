#include "tempo_trend.hpp"

#include <algorithm>
#include <cmath>

namespace pocket {

using std::chrono::days;
using std::chrono::sys_days;

namespace {

bool in_window(const HeldTempo& s, sys_days window_end, int window_days) {
  const int days_before = (window_end - s.date).count();
  return s.bpm && days_before >= 0 && days_before <= window_days;
}

}  // namespace

TempoTrend measure_trend(std::span<const HeldTempo> sessions, sys_days window_end,
                         int window_days) {
  TempoTrend t;
  double sum_x = 0.0, sum_y = 0.0, low = 0.0, high = 0.0;
  for (const HeldTempo& s : sessions) {
    if (!in_window(s, window_end, window_days)) continue;
    low = t.sessions == 0 ? *s.bpm : std::min(low, *s.bpm);
    high = t.sessions == 0 ? *s.bpm : std::max(high, *s.bpm);
    t.first = t.first ? std::min(*t.first, s.date) : s.date;
    t.last = t.last ? std::max(*t.last, s.date) : s.date;
    ++t.sessions;
    sum_x += static_cast<double>((s.date - window_end).count());
    sum_y += *s.bpm;
  }
  if (t.sessions == 0) return t;
  const double n = t.sessions;
  t.span_days = (*t.last - *t.first).count();
  // All alike: exactly level, whatever rounding the mean carries.
  t.mean_bpm = low == high ? low : sum_y / n;
  if (t.sessions < kTrendMinSessions || t.span_days < kTrendMinSpanDays) return t;

  // Centred sums keep a long history at a far-off date from losing digits.
  const double mean_x = sum_x / n;
  double sxx = 0.0, sxy = 0.0;
  for (const HeldTempo& s : sessions) {
    if (!in_window(s, window_end, window_days)) continue;
    const double dx = static_cast<double>((s.date - window_end).count()) - mean_x;
    sxx += dx * dx;
    sxy += dx * (*s.bpm - t.mean_bpm);
  }
  const double slope = sxy / sxx;  // BPM a day
  double squared_residuals = 0.0;
  for (const HeldTempo& s : sessions) {
    if (!in_window(s, window_end, window_days)) continue;
    const double dx = static_cast<double>((s.date - window_end).count()) - mean_x;
    const double residual = *s.bpm - t.mean_bpm - slope * dx;
    squared_residuals += residual * residual;
  }
  const double scatter = std::sqrt(squared_residuals / (n - 2.0));
  t.bpm_per_week = slope * 7.0;
  t.standard_error_per_week = scatter / std::sqrt(sxx) * 7.0;
  t.scatter_bpm = scatter;
  return t;
}

TrendDirection direction(const TempoTrend& t) {
  if (!t.measured()) return TrendDirection::too_little;
  const double slope = *t.bpm_per_week, error = *t.standard_error_per_week;
  if (slope > kClearTrendErrors * error && slope > 0.0) return TrendDirection::rising;
  if (slope < -kClearTrendErrors * error && slope < 0.0) return TrendDirection::falling;
  const double moved_bpm = std::abs(slope) / 7.0 * t.span_days;
  return moved_bpm <= *t.scatter_bpm ? TrendDirection::level : TrendDirection::unclear;
}

std::optional<double> best_rise_per_week(std::span<const HeldTempo> sessions) {
  std::optional<double> best;
  std::optional<sys_days> measured_end;
  for (const HeldTempo& end : sessions) {
    if (!end.bpm || end.date == measured_end) continue;  // one window a day
    measured_end = end.date;
    const TempoTrend t = measure_trend(sessions, end.date);
    if (direction(t) == TrendDirection::rising)
      best = std::max(best.value_or(*t.bpm_per_week), *t.bpm_per_week);
  }
  return best;
}

int days_near_level(std::span<const HeldTempo> sessions, const TempoTrend& trend) {
  if (!trend.measured()) return 0;
  const double tolerance = std::max(2.0 * *trend.scatter_bpm, kNearLevelMinBpm);
  sys_days oldest = *trend.first;
  for (auto it = sessions.rbegin(); it != sessions.rend(); ++it) {
    if (!it->bpm || it->date >= *trend.first) continue;
    if (std::abs(*it->bpm - trend.mean_bpm) > tolerance) break;
    oldest = std::min(oldest, it->date);
  }
  return (*trend.last - oldest).count();
}

}  // namespace pocket
