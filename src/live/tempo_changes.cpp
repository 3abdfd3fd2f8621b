#include "tempo_changes.hpp"

#include <algorithm>

namespace pocket {

namespace {

// The entry holding `bar` in a list by bar (the first when `bar` is before them all).
const BarTempo& holding(const std::vector<BarTempo>& list, std::int64_t bar) {
  const auto after = std::upper_bound(list.begin(), list.end(), bar,
                                      [](std::int64_t b, const BarTempo& t) { return b < t.bar; });
  return after == list.begin() ? list.front() : *(after - 1);
}

// The first entry after `bar`.
std::optional<std::int64_t> first_after(const std::vector<BarTempo>& list, std::int64_t bar) {
  const auto after = std::upper_bound(list.begin(), list.end(), bar,
                                      [](std::int64_t b, const BarTempo& t) { return b < t.bar; });
  if (after == list.end()) return std::nullopt;
  return after->bar;
}

}  // namespace

TempoChanges::TempoChanges(std::vector<BarTempo> tempos, std::int64_t loop_bars)
    : map_(std::move(tempos)), loop_bars_(loop_bars) {}

void TempoChanges::step_from(std::int64_t bar, double step_bpm) {
  steps_.push_back({bar, step_bpm});
}

double TempoChanges::map_bpm_at(std::int64_t bar) const {
  return holding(map_, loop_bars_ > 0 && bar > 0 ? bar % loop_bars_ : bar).bpm;
}

std::optional<std::int64_t> TempoChanges::next_map_change(std::int64_t bar) const {
  if (loop_bars_ == 0 || bar < 0) return first_after(map_, bar);
  const std::int64_t pass = bar - bar % loop_bars_;
  if (const auto next = first_after(map_, bar % loop_bars_)) return pass + *next;
  // The next pass starts again at the map's first tempo: a change unless the pass ends there,
  // and then its first change is.
  if (map_.back().bpm != map_.front().bpm) return pass + loop_bars_;
  if (const auto next = first_after(map_, 0)) return pass + loop_bars_ + *next;
  return std::nullopt;
}

double TempoChanges::bpm_at(std::int64_t bar) const {
  const double map_bpm = map_bpm_at(bar);
  if (steps_.empty() || bar < steps_.front().bar) return map_bpm;
  const double step_bpm = holding(steps_, bar).bpm;
  // The map's own first tempo is the step's, exactly: a song at one tempo (or a ladder without
  // a song) plays each step's tempo to the last digit.
  if (map_bpm == map_.front().bpm) return step_bpm;
  return map_bpm * step_bpm / map_.front().bpm;
}

std::optional<BarTempo> TempoChanges::next_after(std::int64_t bar) const {
  const auto from_map = next_map_change(bar);
  const auto from_steps = first_after(steps_, bar);
  if (!from_map && !from_steps) return std::nullopt;
  const std::int64_t next = from_map && from_steps ? std::min(*from_map, *from_steps)
                            : from_map             ? *from_map
                                                   : *from_steps;
  return BarTempo{next, bpm_at(next)};
}

}  // namespace pocket
