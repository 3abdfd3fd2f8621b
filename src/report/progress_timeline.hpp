#pragma once

#include <cstddef>
#include <optional>
#include <vector>

#include "progress_view.hpp"

// A drill's sessions placed on a calendar axis, shared by its two charts and its page section.
namespace pocket::progress_timeline {

// How far ahead the next sessions' ceiling is drawn, in days: room to see it, not a span it holds.
constexpr int kAheadDays = 14;

// A session placed on the time axis.
struct DatedPoint {
  int day = 0;                  // days since 1970-01-01
  std::optional<double> bpm;    // the tempo it held, if any
  std::optional<double> sd_ms;  // none when not a finite number
};

// A drill's sessions with a readable date, in date order, the day "ahead" starts, and the
// days the axis spans (a week at least).
struct Timeline {
  std::vector<DatedPoint> points;
  std::optional<int> ahead_from;  // today, or the last session without a readable today
  bool ahead_is_today = false;
  int first = 0, last = 0;
  std::size_t undated = 0;  // sessions left off the charts for want of a readable date
};
Timeline timeline(const DrillProgress& drill);

// A tempo worth drawing: finite and above zero; none otherwise.
std::optional<double> usable_bpm(std::optional<double> bpm);
// The healthy pace: how far above the consolidated tempo a session may climb, in percent, kept
// to 0..100 (0 for a value that is not a number).
double pace_percent(const DrillProgress& drill);
// The most the next session may climb to, as the ladder caps it; none without a consolidated
// tempo. It stays where it is until a session holds more: a ceiling, never a forecast.
std::optional<double> next_session_ceiling(const DrillProgress& drill);
// The band ahead is drawn with a tempo to climb from, a day to start on and a pace above 0.
bool has_pace_band(const DrillProgress& drill, const Timeline& timeline);

}  // namespace pocket::progress_timeline
