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

Grid::Grid(std::vector<Segment> segments, MeterCycle meters, int slots_per_whole, Swing swing)
    : segments_(std::move(segments)),
      meters_(std::move(meters)),
      slots_per_whole_(slots_per_whole) {
  validate_grid(slots_per_whole);
  swing_ = resolve_swing(swing, slots_per_whole);
  if (segments_.empty()) throw std::invalid_argument("a grid needs at least one segment");
  for (std::size_t i = 0; i < segments_.size(); ++i) {
    if (!(segments_[i].seconds_per_slot > 0.0) ||
        (i > 0 && !(segments_[i].slot > segments_[i - 1].slot))) {
      throw std::invalid_argument("grid segments must move forward in time");
    }
  }
  cycle_start_.push_back(0);
  for (const Meter& meter : meters_.meters()) {
    if (meter.beats * slots_per_whole % meter.unit != 0) {
      throw std::invalid_argument(fmt::format(
          "grid {} does not divide a bar of {} evenly: use a multiple of {}", slots_per_whole,
          to_string(meter), meter.unit / std::gcd(meter.beats, meter.unit)));
    }
    cycle_start_.push_back(cycle_start_.back() + meter.beats * slots_per_whole / meter.unit);
  }
  for (const MeterCycle::Run& run : meters_.runs()) {
    run_first_slot_.push_back(run_first_slot_.empty() ? 0
                                                      : first_slot_of_bar(run.first_bar - 1) +
                                                            slots_in_bar(run.first_bar - 1));
  }
}

double Grid::seconds_per_slot(double bpm, const MeterCycle& meters, int slots_per_whole) {
  return meters.tempo_unit() * 60.0 / bpm / slots_per_whole;
}

Grid Grid::constant(double bpm, const MeterCycle& meters, int slots_per_whole, double start_seconds,
                    Swing swing) {
  validate_grid(slots_per_whole);
  return Grid({{0.0, start_seconds, seconds_per_slot(bpm, meters, slots_per_whole)}}, meters,
              slots_per_whole, swing);
}

const Grid::Segment& Grid::segment_at_slot(double slot) const {
  const auto it = std::upper_bound(segments_.begin(), segments_.end(), slot,
                                   [](double s, const Segment& seg) { return s < seg.slot; });
  return it == segments_.begin() ? segments_.front() : *(it - 1);
}

double Grid::straight_seconds(double slot) const {
  const Segment& s = segment_at_slot(slot);
  return s.seconds + (slot - s.slot) * s.seconds_per_slot;
}

double Grid::seconds_of(std::int64_t slot) const {
  if (!swing_.active()) return straight_seconds(static_cast<double>(slot));
  const std::int64_t bar_line = first_slot_of_bar(bar_of(slot));
  const double wholes = static_cast<double>(slot - bar_line) / slots_per_whole_;
  return straight_seconds(static_cast<double>(bar_line) + swing_.warp(wholes) * slots_per_whole_);
}

double Grid::slot_seconds(std::int64_t slot) const {
  return segment_at_slot(static_cast<double>(slot)).seconds_per_slot;
}

std::int64_t Grid::nearest_slot(double seconds) const {
  const auto it = std::upper_bound(segments_.begin(), segments_.end(), seconds,
                                   [](double t, const Segment& seg) { return t < seg.seconds; });
  const Segment& s = it == segments_.begin() ? segments_.front() : *(it - 1);
  // Rounding half up, not away from zero: half-way is the later slot before slot 0 too.
  const auto guess = static_cast<std::int64_t>(
      std::floor(s.slot + (seconds - s.seconds) / s.seconds_per_slot + 0.5));
  // Near a tempo change the neighbour may be closer in time; a swung slot lies up to half a
  // slot from its straight place, so the nearest may then be two slots away.
  const std::int64_t reach = swing_.active() ? 2 : 1;
  std::int64_t best = guess;
  for (std::int64_t candidate = guess - reach; candidate <= guess + reach; ++candidate) {
    const double distance = std::abs(seconds_of(candidate) - seconds);
    const double best_distance = std::abs(seconds_of(best) - seconds);
    if (distance < best_distance || (distance == best_distance && candidate > best))
      best = candidate;
  }
  return best;
}

int Grid::slots_in_bar(std::int64_t bar) const {
  const std::size_t i = meters_.index_of(bar);
  return static_cast<int>(cycle_start_[i + 1] - cycle_start_[i]);
}

std::int64_t Grid::first_slot_of_bar(std::int64_t bar) const {
  if (bar < 0) return bar * cycle_start_[1];
  if (!run_first_slot_.empty()) {
    const std::size_t r = meters_.run_of(bar);
    const MeterCycle::Run& run = meters_.runs()[r];
    return run_first_slot_[r] + (bar - run.first_bar) * slots_in_bar(run.first_bar);
  }
  const auto n = static_cast<std::int64_t>(meters_.size());
  return bar / n * cycle_start_.back() + cycle_start_[static_cast<std::size_t>(bar % n)];
}

std::int64_t Grid::bar_of(std::int64_t slot) const {
  if (slot < 0) {
    const std::int64_t n = cycle_start_[1];  // count-in bars have the first meter
    return -((-slot + n - 1) / n);
  }
  if (meters_.size() == 1) return slot / cycle_start_.back();
  if (!run_first_slot_.empty()) {
    const auto after = std::upper_bound(run_first_slot_.begin(), run_first_slot_.end(), slot);
    const auto r = static_cast<std::size_t>(after - run_first_slot_.begin() - 1);
    const MeterCycle::Run& run = meters_.runs()[r];
    return run.first_bar + (slot - run_first_slot_[r]) / slots_in_bar(run.first_bar);
  }
  const std::int64_t cycle = slot / cycle_start_.back();
  return cycle * static_cast<std::int64_t>(meters_.size()) +
         static_cast<std::int64_t>(bar_and_slot(position_of(slot)).first);
}

int Grid::position_of(std::int64_t slot) const {
  if (slot < 0) return static_cast<int>(slot - bar_of(slot) * cycle_start_[1]);
  if (!run_first_slot_.empty()) {
    const std::int64_t bar = bar_of(slot);
    return static_cast<int>(cycle_start_[meters_.index_of(bar)] + slot - first_slot_of_bar(bar));
  }
  return static_cast<int>(slot % cycle_start_.back());
}

std::pair<std::size_t, int> Grid::bar_and_slot(int position) const {
  const auto it = std::upper_bound(cycle_start_.begin(), cycle_start_.end() - 1, position);
  const auto bar = static_cast<std::size_t>(it - cycle_start_.begin() - 1);
  return {bar, static_cast<int>(position - cycle_start_[bar])};
}

bool Grid::starts_bar(int position) const { return bar_and_slot(position).second == 0; }

bool Grid::on_beat(int position) const {
  const auto [bar, slot] = bar_and_slot(position);
  return slot * meters_.meters()[bar].unit % slots_per_whole_ == 0;
}

std::string Grid::position_label(int position) const {
  const auto [bar, slot] = bar_and_slot(position);
  const Meter& meter = meters_.meters()[bar];
  const std::string prefix = meters_.label_prefix(bar);
  if (slots_per_whole_ % meter.unit != 0) return fmt::format("{}slot {}", prefix, slot + 1);
  const int per_beat = slots_per_whole_ / meter.unit;
  const int beat = slot / per_beat + 1;
  const int sub = slot % per_beat;
  if (sub == 0) return fmt::format("{}{}", prefix, beat);
  switch (per_beat) {
    case 2: return fmt::format("{}{}&", prefix, beat);
    case 3: return fmt::format("{}{}{}", prefix, beat, sub == 1 ? "t" : "l");
    case 4: return fmt::format("{}{}{}", prefix, beat, "xe&a"[sub]);
    default: return fmt::format("{}{}.{}", prefix, beat, sub + 1);
  }
}

}  // namespace pocket
