#include "live_schedule.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <stdexcept>

#include <fmt/format.h>

namespace pocket {

namespace {
constexpr std::int64_t kUntilTold = std::numeric_limits<std::int64_t>::max();
}

LiveSchedule::LiveSchedule(MeterCycle meters, double bpm, ClickPattern pattern, double sample_rate,
                           std::int64_t bars, Swing swing)
    : meters_(std::move(meters)),
      pattern_(std::move(pattern)),
      swing_(swing),
      sample_rate_(sample_rate),
      end_bar_(bars < 0 ? kUntilTold : bars),
      pause_bar_(kUntilTold),
      bar_(-pattern_.count_in_bars) {
  validate(pattern_);
  TempoMap({{meters_.first(), 1, bpm, bpm}});  // validates the tempo
  if (!(sample_rate >= 8000.0 && sample_rate <= 384000.0)) {
    throw std::invalid_argument(fmt::format("sample rate {:g} Hz is out of range", sample_rate));
  }
  for (std::size_t i = 0; i < meters_.size(); ++i) {
    accents_.push_back(accents_for(pattern_, i, meters_.size(), meters_.meters()[i].beats));
  }
  section_ = {first_bar(), 0.0, bpm};
  load();
}

double LiveSchedule::seconds_at(std::int64_t bar, double beat) const {
  const double wholes = meters_.wholes_before(bar) - meters_.wholes_before(section_.first_bar) +
                        beat / meters_.meter_of(bar).unit;
  return section_.start_seconds + wholes * meters_.tempo_unit() * 60.0 / section_.bpm;
}

std::int64_t LiveSchedule::next_bar_line() const {
  return beat_ == 0 && subdivision_ == 0 ? bar_ : bar_ + 1;
}

std::int64_t LiveSchedule::change_tempo(std::int64_t bar, double bpm) {
  const std::int64_t from = std::max(bar, next_bar_line());
  pending_ = {from, 0.0, std::clamp(bpm, kMinBpm, kMaxBpm)};
  has_pending_ = true;
  if (from == bar_) load();
  return from;
}

std::int64_t LiveSchedule::silence(std::int64_t from_bar, std::int64_t to_bar) {
  const std::int64_t late = std::max<std::int64_t>(0, next_bar_line() - from_bar);
  silence_from_ = from_bar + late;
  silence_to_ = to_bar == kUntilTold ? kUntilTold : std::max(to_bar + late, silence_from_);
  if (silence_from_ == bar_) load();
  return silence_from_;
}

std::int64_t LiveSchedule::end_silence(std::int64_t bar) {
  const std::int64_t at = std::max(bar, next_bar_line());
  silence_to_ = std::max(silence_from_, std::min(silence_to_, at));
  if (at == bar_) load();
  return at;
}

void LiveSchedule::finish_after_current_bar() { end_bar_ = std::min(end_bar_, next_bar_line()); }

std::int64_t LiveSchedule::pause(std::int64_t bar) {
  pause_bar_ = std::max(bar, next_bar_line());
  if (pause_bar_ == bar_) load();
  return pause_bar_;
}

void LiveSchedule::resume(double at_seconds) {
  pause_bar_ = kUntilTold;
  if (!holding_) return;
  holding_ = false;
  const bool change_here = has_pending_ && pending_.first_bar <= bar_;
  section_ = {bar_, at_seconds, change_here ? pending_.bpm : section_.bpm};
  if (change_here) has_pending_ = false;
  ++sections_started_;
  load();
}

void LiveSchedule::advance() {
  if (++subdivision_ < pattern_.subdivision) return load();
  subdivision_ = 0;
  if (++beat_ < meters_.meter_of(bar_).beats) return load();
  beat_ = 0;
  ++bar_;
  load();
}

void LiveSchedule::load() {
  if (done()) return;
  if (bar_ == pause_bar_ && beat_ == 0 && subdivision_ == 0) {
    holding_ = true;
    // Nothing sounds and the mixer waits at this bar line until resume().
    event_ =
        make_click('.', MuteReason::silenced, bar_, 0, 0, std::numeric_limits<std::int64_t>::max());
    return;
  }
  if (has_pending_ && bar_ >= pending_.first_bar && beat_ == 0 && subdivision_ == 0) {
    pending_.start_seconds = seconds_at(bar_, 0.0);
    pending_.first_bar = bar_;
    section_ = pending_;
    has_pending_ = false;
    ++sections_started_;
  }
  const MuteReason mute = bar_ >= 0 && silenced(bar_)     ? MuteReason::silenced
                          : gap_muted(pattern_.gap, bar_) ? MuteReason::gap
                          : randomly_muted(pattern_.random_mute, bar_, beat_, subdivision_)
                              ? MuteReason::random
                              : MuteReason::none;
  const double beat =
      swung_beat(swing_, beat_ + static_cast<double>(subdivision_) / pattern_.subdivision,
                 meters_.meter_of(bar_).unit);
  event_ = make_click(accents_[meters_.index_of(bar_)][static_cast<std::size_t>(beat_)], mute, bar_,
                      beat_, subdivision_, std::llround(sample_rate_ * seconds_at(bar_, beat)));
}

}  // namespace pocket
