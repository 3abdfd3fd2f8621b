#include "grid.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <stdexcept>

#include <fmt/format.h>

namespace pocket {

void validate_grid(int slots_per_whole) {
  if (slots_per_whole < 1 || slots_per_whole > 64) {
    throw std::invalid_argument(fmt::format(
        "grid {} is not supported: use slots per whole note from 1 to 64 (16 for sixteenths)",
        slots_per_whole));
  }
}

Grid::Grid(std::vector<Segment> segments, Meter meter, int slots_per_whole)
    : segments_(std::move(segments)), meter_(meter), slots_per_whole_(slots_per_whole) {
  validate(meter);
  validate_grid(slots_per_whole);
  if (segments_.empty()) throw std::invalid_argument("a grid needs at least one segment");
  for (std::size_t i = 0; i < segments_.size(); ++i) {
    if (!(segments_[i].seconds_per_slot > 0.0) ||
        (i > 0 && !(segments_[i].slot > segments_[i - 1].slot))) {
      throw std::invalid_argument("grid segments must move forward in time");
    }
  }
  if (meter.beats * slots_per_whole % meter.unit != 0) {
    throw std::invalid_argument(fmt::format(
        "grid {} does not divide a bar of {} evenly: use a multiple of {}", slots_per_whole,
        to_string(meter), meter.unit / std::gcd(meter.beats, meter.unit)));
  }
  slots_per_bar_ = meter.beats * slots_per_whole / meter.unit;
}

Grid Grid::constant(double bpm, Meter meter, int slots_per_whole, double start_seconds) {
  validate_grid(slots_per_whole);
  const double seconds_per_whole = meter.unit * 60.0 / bpm;
  return Grid({{0.0, start_seconds, seconds_per_whole / slots_per_whole}}, meter, slots_per_whole);
}

const Grid::Segment& Grid::segment_at_slot(double slot) const {
  const auto it = std::upper_bound(segments_.begin(), segments_.end(), slot,
                                   [](double s, const Segment& seg) { return s < seg.slot; });
  return it == segments_.begin() ? segments_.front() : *(it - 1);
}

double Grid::seconds_of(std::int64_t slot) const {
  const Segment& s = segment_at_slot(static_cast<double>(slot));
  return s.seconds + (static_cast<double>(slot) - s.slot) * s.seconds_per_slot;
}

double Grid::slot_seconds(std::int64_t slot) const {
  return segment_at_slot(static_cast<double>(slot)).seconds_per_slot;
}

std::int64_t Grid::nearest_slot(double seconds) const {
  const auto it = std::upper_bound(segments_.begin(), segments_.end(), seconds,
                                   [](double t, const Segment& seg) { return t < seg.seconds; });
  const Segment& s = it == segments_.begin() ? segments_.front() : *(it - 1);
  const auto guess =
      static_cast<std::int64_t>(std::llround(s.slot + (seconds - s.seconds) / s.seconds_per_slot));
  // Near a tempo change the neighbour may be closer in time.
  std::int64_t best = guess;
  for (const std::int64_t candidate : {guess - 1, guess + 1}) {
    if (std::abs(seconds_of(candidate) - seconds) < std::abs(seconds_of(best) - seconds))
      best = candidate;
  }
  return best;
}

std::int64_t Grid::bar_of(std::int64_t slot) const {
  const std::int64_t n = slots_per_bar_;
  return slot >= 0 ? slot / n : -((-slot + n - 1) / n);
}

int Grid::position_in_bar(std::int64_t slot) const {
  return static_cast<int>(slot - bar_of(slot) * slots_per_bar_);
}

bool Grid::on_beat(int position) const { return position * meter_.unit % slots_per_whole_ == 0; }

std::string Grid::position_label(int position) const {
  if (slots_per_whole_ % meter_.unit != 0) return fmt::format("slot {}", position + 1);
  const int per_beat = slots_per_whole_ / meter_.unit;
  const int beat = position / per_beat + 1;
  const int sub = position % per_beat;
  if (sub == 0) return std::to_string(beat);
  switch (per_beat) {
    case 2: return fmt::format("{}&", beat);
    case 3: return fmt::format("{}{}", beat, sub == 1 ? "t" : "l");
    case 4: return fmt::format("{}{}", beat, "xe&a"[sub]);
    default: return fmt::format("{}.{}", beat, sub + 1);
  }
}

}  // namespace pocket
