#include "song_plan.hpp"

#include <cmath>
#include <limits>

namespace pocket {

SongPlan::SongPlan(const Settings& settings)
    : s_(settings),
      from_seconds_(settings.first_bar_on_track),
      speed_(settings.speed),
      next_loop_bar_(settings.loop_bars > 0 ? settings.loop_bars
                                            : std::numeric_limits<std::int64_t>::max()) {}

std::int64_t SongPlan::frame_of(std::int64_t bar) const {
  // The click's own closed form: seconds from the last change's bar line at its tempo.
  const double seconds =
      from_seconds_ + static_cast<double>(bar - from_bar_) * s_.bar_seconds / speed_;
  return std::llround(seconds * s_.rate) - s_.origin;
}

double SongPlan::file_seconds_of(std::int64_t bar) const {
  const std::int64_t song_bar = loops() ? bar % s_.loop_bars : bar;
  return s_.first_bar_in_file + static_cast<double>(song_bar) * s_.bar_seconds;
}

std::optional<SongTurn> SongPlan::speed_from(std::int64_t bar, double speed) {
  if (speed == speed_) return std::nullopt;
  from_seconds_ += static_cast<double>(bar - from_bar_) * s_.bar_seconds / speed_;
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
