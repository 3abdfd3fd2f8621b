#include "click_log.hpp"

#include <algorithm>

namespace pocket {

void ClickLog::add(const ClickEvent& click, int subdivision) {
  if (click.bar < 0) return;
  const int unit = grid_.meters().meter_of(click.bar).unit;
  const double beats = click.beat + static_cast<double>(click.subdivision) / subdivision;
  const double slot = static_cast<double>(grid_.first_slot_of_bar(click.bar)) +
                      beats * grid_.slots_per_whole() / unit;
  clicks_.push_back({slot, click.muted_by});
  if (click.muted_by == MuteReason::silenced &&
      (silenced_bars_.empty() || silenced_bars_.back() != click.bar)) {
    silenced_bars_.push_back(click.bar);
  }
}

bool ClickLog::heard_at(std::int64_t slot) const {
  const auto it = std::upper_bound(clicks_.begin(), clicks_.end(), static_cast<double>(slot) + 1e-9,
                                   [](double s, const Click& c) { return s < c.slot; });
  return it == clicks_.begin() || (it - 1)->muted_by == MuteReason::none;
}

bool ClickLog::silenced(std::int64_t bar) const {
  return std::binary_search(silenced_bars_.begin(), silenced_bars_.end(), bar);
}

std::int64_t ClickLog::left_out(MuteReason reason) const {
  return std::count_if(clicks_.begin(), clicks_.end(),
                       [reason](const Click& c) { return c.muted_by == reason; });
}

std::vector<SilentStretch> ClickLog::silent_stretches(const Grid& timed) const {
  std::vector<SilentStretch> stretches;
  for (const std::int64_t bar : silenced_bars_) {
    if (stretches.empty() || stretches.back().first_bar + stretches.back().bars != bar) {
      stretches.push_back({bar, 0, 0.0});
    }
    ++stretches.back().bars;
  }
  for (SilentStretch& s : stretches) {
    s.seconds = timed.seconds_of(timed.first_slot_of_bar(s.first_bar + s.bars)) -
                timed.seconds_of(timed.first_slot_of_bar(s.first_bar));
  }
  return stretches;
}

}  // namespace pocket
