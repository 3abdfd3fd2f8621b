#include "song_plan.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

namespace pocket {

SongPlan::SongPlan(const Settings& settings)
    : s_(settings),
      from_seconds_(settings.first_bar_on_track),
      speed_(settings.speed),
      next_loop_bar_(settings.loop_bars > 0 ? settings.loop_bars
                                            : std::numeric_limits<std::int64_t>::max()) {}

double SongPlan::song_seconds(std::int64_t bar) const {
  const std::int64_t period = loops() ? s_.loop_bars : s_.cycle_bars;
  if (period == 0 || bar <= period) return run_seconds(bar);
  // Whole passes of the section (or the cycle), then the bars into the last.
  return static_cast<double>(bar / period) * run_seconds(period) + run_seconds(bar % period);
}

double SongPlan::run_seconds(std::int64_t bar) const {
  double seconds = 0.0;
  for (std::size_t i = 0; i < s_.bars.size() && s_.bars[i].first_bar < bar; ++i) {
    const std::int64_t end = i + 1 < s_.bars.size() ? std::min(s_.bars[i + 1].first_bar, bar) : bar;
    seconds += static_cast<double>(end - s_.bars[i].first_bar) * s_.bars[i].bar_seconds;
  }
  return seconds;
}

std::int64_t SongPlan::frame_of(std::int64_t bar) const {
  // The click's own closed form: seconds from the last change's bar line at its tempo.
  const double seconds = from_seconds_ + (song_seconds(bar) - song_seconds(from_bar_)) / speed_;
  return std::llround(seconds * s_.rate) - s_.origin;
}

double SongPlan::file_seconds_of(std::int64_t bar) const {
  return s_.first_bar_in_file + song_seconds(loops() ? bar % s_.loop_bars : bar);
}

std::optional<SongTurn> SongPlan::speed_from(std::int64_t bar, double speed) {
  if (speed == speed_) return std::nullopt;
  from_seconds_ += (song_seconds(bar) - song_seconds(from_bar_)) / speed_;
  from_bar_ = bar;
  speed_ = speed;
  if (next_loop_bar_ == bar) next_loop_bar_ += s_.loop_bars;  // this turn starts the loop too
  return turn_at(bar);
}

std::vector<SongTurn> SongPlan::turns_before(std::int64_t bar) {
  std::vector<SongTurn> turns;
  for (; next_loop_bar_ < bar; next_loop_bar_ += s_.loop_bars)
    turns.push_back(turn_at(next_loop_bar_));
  return turns;
}

}  // namespace pocket
