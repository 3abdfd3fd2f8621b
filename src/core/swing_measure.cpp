#include "swing_measure.hpp"

#include <map>

namespace pocket {

namespace {

std::optional<MeasuredSwing> measure_on(int unit, std::span<const ScoredStroke> scored,
                                        const Grid& grid, std::span<const std::string> pad_names) {
  const int pair_slots = 2 * grid.slots_per_whole() / unit;
  std::map<std::pair<int, std::int64_t>, double> struck;  // (pad, slot) -> seconds
  for (const ScoredStroke& s : scored) {
    if (s.matched) struck.emplace(std::pair{s.stroke.pad, s.slot}, s.stroke.seconds);
  }
  std::map<int, std::pair<std::int64_t, double>> by_pad;  // pad -> (pairs, sum of ratios)
  for (const auto& [key, on] : struck) {
    const auto [pad, slot] = key;
    if ((slot - grid.first_slot_of_bar(grid.bar_of(slot))) % pair_slots != 0) continue;
    const auto off = struck.find({pad, slot + pair_slots / 2});
    const auto next = struck.find({pad, slot + pair_slots});
    if (off == struck.end() || next == struck.end() || !(next->second > on)) continue;
    auto& [pairs, sum] = by_pad[pad];
    ++pairs;
    sum += (off->second - on) / (next->second - on);
  }
  if (by_pad.empty()) return std::nullopt;
  MeasuredSwing result{unit, {}, {}};
  double total = 0.0;
  for (const auto& [pad, tally] : by_pad) {
    const auto& [pairs, sum] = tally;
    result.pads.push_back({pad_names[static_cast<std::size_t>(pad)], {pairs, 100.0 * sum / pairs}});
    result.pooled.pairs += pairs;
    total += sum;
  }
  result.pooled.percent = 100.0 * total / result.pooled.pairs;
  return result;
}

}  // namespace

std::optional<MeasuredSwing> measure_swing(std::span<const ScoredStroke> scored, const Grid& grid,
                                           std::span<const std::string> pad_names) {
  const int grid_slots = grid.slots_per_whole();
  if (grid.swing().active()) return measure_on(grid.swing().unit, scored, grid, pad_names);
  for (const int unit : {16, 8}) {
    if (grid_slots % unit != 0) continue;
    if (auto found = measure_on(unit, scored, grid, pad_names)) return found;
  }
  return std::nullopt;
}

}  // namespace pocket
