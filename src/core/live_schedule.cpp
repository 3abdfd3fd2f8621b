#include "live_schedule.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <stdexcept>

#include <fmt/format.h>

namespace pocket {

LiveSchedule::LiveSchedule(Meter meter, double bpm, ClickPattern pattern, double sample_rate,
                           std::int64_t bars)
    : meter_(meter),
      pattern_(std::move(pattern)),
      sample_rate_(sample_rate),
      end_bar_(bars < 0 ? std::numeric_limits<std::int64_t>::max() : bars),
      bar_(-pattern_.count_in_bars) {
  validate(meter_);
  validate(pattern_);
  TempoMap({{meter_, 1, bpm, bpm}});  // validates the tempo
  if (!(sample_rate >= 8000.0 && sample_rate <= 384000.0)) {
    throw std::invalid_argument(fmt::format("sample rate {:g} Hz is out of range", sample_rate));
  }
  accents_ = accents_for(pattern_, meter_.beats);
  section_ = {first_bar(), 0.0, bpm};
  load();
}

double LiveSchedule::seconds_at(std::int64_t bar, double beat) const {
  const double beats = static_cast<double>(bar - section_.first_bar) * meter_.beats + beat;
  return section_.start_seconds + beats * 60.0 / section_.bpm;
}

std::int64_t LiveSchedule::change_tempo(std::int64_t bar, double bpm) {
  const std::int64_t next_line = bar_ + 1;
  const std::int64_t from = std::max(bar, (beat_ == 0 && subdivision_ == 0) ? bar_ : next_line);
  pending_ = {from, 0.0, std::clamp(bpm, kMinBpm, kMaxBpm)};
  has_pending_ = true;
  if (from == bar_) load();
  return from;
}

void LiveSchedule::finish_after_current_bar() {
  end_bar_ = std::min(end_bar_, (beat_ == 0 && subdivision_ == 0) ? bar_ : bar_ + 1);
}

void LiveSchedule::advance() {
  if (++subdivision_ < pattern_.subdivision) return load();
  subdivision_ = 0;
  if (++beat_ < meter_.beats) return load();
  beat_ = 0;
  ++bar_;
  load();
}

void LiveSchedule::load() {
  if (done()) return;
  if (has_pending_ && bar_ >= pending_.first_bar && beat_ == 0 && subdivision_ == 0) {
    pending_.start_seconds = seconds_at(bar_, 0.0);
    pending_.first_bar = bar_;
    section_ = pending_;
    has_pending_ = false;
  }
  const double beat = beat_ + static_cast<double>(subdivision_) / pattern_.subdivision;
  event_ =
      make_click(accents_[static_cast<std::size_t>(beat_)], gap_muted(pattern_.gap, bar_), bar_,
                 beat_, subdivision_, std::llround(sample_rate_ * seconds_at(bar_, beat)));
}

}  // namespace pocket
