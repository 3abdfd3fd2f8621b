#pragma once

#include <chrono>
#include <optional>
#include <span>

#include "practice_history.hpp"

namespace pocket {

// The trend of the tempos a drill held: an ordinary least-squares line of held BPM against the
// date, with the standard error of its slope from how far the sessions scatter around it.
// Pure: the caller says which day the window ends on.

// The trend is read over the sessions dated at most this many days before the window's end.
inline constexpr int kTrendWindowDays = 56;  // eight weeks
// A rate needs at least this many sessions with a held tempo, spanning at least this many days:
// one week's ups and downs are not a rate.
inline constexpr int kTrendMinSessions = 3;
inline constexpr int kTrendMinSpanDays = 14;
// A trend is clear when its slope is more than this many standard errors from level.
inline constexpr double kClearTrendErrors = 2.0;

struct TempoTrend {
  int sessions = 0;   // with a held tempo, in the window
  int span_days = 0;  // from the first of them to the last
  std::optional<std::chrono::sys_days> first, last;
  double mean_bpm = 0.0;
  // Measured only with enough sessions over a long enough span:
  std::optional<double> bpm_per_week;             // the slope
  std::optional<double> standard_error_per_week;  // of the slope
  std::optional<double> scatter_bpm;  // how far sessions land from the line (residual SD)

  bool measured() const { return bpm_per_week.has_value(); }
};

// The trend over the held sessions dated from `window_end` - `window_days` to `window_end`.
TempoTrend measure_trend(std::span<const HeldTempo> sessions, std::chrono::sys_days window_end,
                         int window_days = kTrendWindowDays);

enum class TrendDirection {
  too_little,  // not enough sessions, or too short a span, to measure
  rising,      // the slope is more than kClearTrendErrors standard errors above level
  falling,     // ... below level
  level,       // neither, and the line moves less over the span than the sessions scatter
  unclear,     // neither, but the line moves more than the scatter: more sessions will tell
};
TrendDirection direction(const TempoTrend& trend);

// The steepest clearly rising trend in the whole history: over every eight weeks that end on a
// session's date, the highest slope in BPM a week of those that are `rising`. None when no
// eight weeks rose clearly. Sessions oldest first.
std::optional<double> best_rise_per_week(std::span<const HeldTempo> sessions);

// Near a level: within twice the sessions' scatter of it, and at least this close.
inline constexpr double kNearLevelMinBpm = 1.0;

// For a level trend: how many days the held tempo has stayed near the window's mean. The whole
// window counts (the trend found it level), and older held sessions extend it while each stays
// near. Sessions oldest first; 0 without a measured trend.
int days_near_level(std::span<const HeldTempo> sessions, const TempoTrend& trend);

}  // namespace pocket
