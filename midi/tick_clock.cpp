#include "tick_clock.hpp"

#include <algorithm>

namespace pocket {

TickClock::TickClock(const MidiFile& file) : ticks_per_quarter_(file.ticks_per_quarter) {
  const double tpq = file.ticks_per_quarter;
  segments_.push_back({0, 0.0, 0.5 / tpq});  // 120 BPM until the first tempo event
  for (const TempoChange& change : file.tempo_changes) {
    const Segment& last = segments_.back();
    const double seconds = last.seconds + (change.tick - last.tick) * last.seconds_per_tick;
    const double per_tick = change.us_per_quarter * 1e-6 / tpq;
    if (change.tick == last.tick) {
      segments_.back().seconds_per_tick = per_tick;
    } else {
      segments_.push_back({change.tick, seconds, per_tick});
    }
  }
}

double TickClock::seconds_at(double tick) const {
  const auto it = std::upper_bound(segments_.begin(), segments_.end(), tick,
                                   [](double t, const Segment& s) { return t < s.tick; });
  const Segment& s = it == segments_.begin() ? segments_.front() : *(it - 1);
  return s.seconds + (tick - s.tick) * s.seconds_per_tick;
}

double TickClock::quarter_bpm_at(std::int64_t tick) const {
  const auto it = std::upper_bound(segments_.begin(), segments_.end(), tick,
                                   [](std::int64_t t, const Segment& s) { return t < s.tick; });
  const Segment& s = it == segments_.begin() ? segments_.front() : *(it - 1);
  return 60.0 / (s.seconds_per_tick * ticks_per_quarter_);
}

}  // namespace pocket
