#include "live_scorer.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

namespace pocket {

LiveScorer::LiveScorer(MeterCycle meters, int slots_per_whole, std::vector<std::string> pad_names,
                       const ExpectedStrokes& expected, Swing swing, Feel feel)
    : meters_(std::move(meters)),
      slots_per_whole_(slots_per_whole),
      expected_(expected),
      pad_names_(std::move(pad_names)),
      feel_(std::move(feel)),
      grid_(Grid::constant(120.0, meters_, slots_per_whole, 0.0, swing)) {}

void LiveScorer::add_section(std::int64_t first_bar, double start_seconds, double bpm) {
  const auto slot = static_cast<double>(grid_.first_slot_of_bar(first_bar));
  while (!segments_.empty() && segments_.back().slot >= slot) segments_.pop_back();
  segments_.push_back(
      {slot, start_seconds, Grid::seconds_per_slot(bpm, meters_, slots_per_whole_)});
  grid_ = Grid(segments_, meters_, slots_per_whole_, grid_.swing());
}

ScoredStroke LiveScorer::score(const Stroke& stroke) const {
  const double on_grid = feel_.seconds_on_grid(stroke);
  const std::int64_t slot = grid_.nearest_slot(on_grid);
  const bool expected = expected_.plain() || expected_.expects(stroke.pad, grid_.position_of(slot));
  return ScoredStroke{stroke, slot, feel_.offset_ms(grid_, stroke, slot), expected};
}

std::optional<ScoredStroke> LiveScorer::add_stroke(const Stroke& stroke) {
  const ScoredStroke scored = score(stroke);
  if (scored.slot < 0) return std::nullopt;
  strokes_.push_back(stroke);
  return scored;
}

std::vector<BarTally> LiveScorer::close_bars(double now_seconds, std::int64_t last_bar) {
  std::vector<BarTally> closed;
  while (next_bar_to_close_ <= last_bar) {
    const std::int64_t end_slot = grid_.first_slot_of_bar(next_bar_to_close_ + 1);
    const double closes_at = grid_.seconds_of(end_slot) + grid_.slot_seconds(end_slot - 1) / 2.0;
    if (segments_.empty() || now_seconds < closes_at) break;
    closed.push_back(tally_bar(next_bar_to_close_++));
  }
  return closed;
}

void LiveScorer::end_before_bar(std::int64_t end_bar) {
  const std::int64_t end_slot = grid_.first_slot_of_bar(end_bar);
  std::erase_if(strokes_, [&](const Stroke& s) {
    return grid_.nearest_slot(feel_.seconds_on_grid(s)) >= end_slot;
  });
}

std::vector<ScoredStroke> LiveScorer::scored_in_bar(std::int64_t bar) const {
  std::vector<ScoredStroke> out;
  std::map<std::pair<int, std::int64_t>, std::size_t> closest;  // (pad, slot) -> index in out
  for (const Stroke& s : strokes_) {
    const ScoredStroke scored = score(s);
    if (grid_.bar_of(scored.slot) != bar) continue;
    out.push_back(scored);
    if (!scored.matched) continue;
    // The closest stroke of each pad on each slot counts; the others are extra.
    auto [it, fresh] = closest.try_emplace({s.pad, scored.slot}, out.size() - 1);
    if (fresh) continue;
    ScoredStroke& rival = out[it->second];
    if (std::abs(out.back().offset_ms) < std::abs(rival.offset_ms)) {
      rival.matched = false;
      it->second = out.size() - 1;
    } else {
      out.back().matched = false;
    }
  }
  return out;
}

BarTally LiveScorer::tally_bar(std::int64_t bar) const {
  BarTally result{bar, {}};
  std::set<std::pair<int, std::int64_t>> struck;  // (pad, slot); any pad on a plain grid
  for (const ScoredStroke& s : scored_in_bar(bar)) {
    if (!s.matched) {
      ++result.tally.extra;
      continue;
    }
    result.tally.add_hit(s.offset_ms);
    struck.insert({expected_.plain() ? 0 : s.stroke.pad, s.slot});
  }
  const std::int64_t first = grid_.first_slot_of_bar(bar);
  const std::int64_t end = grid_.first_slot_of_bar(bar + 1);
  if (expected_.plain()) {
    result.tally.missed = end - first - static_cast<std::int64_t>(struck.size());
    return result;
  }
  const std::vector<int> pads = expected_.pads();
  for (std::int64_t slot = first; slot < end; ++slot) {
    for (const int pad : pads) {
      if (expected_.expects(pad, grid_.position_of(slot)) && struck.count({pad, slot}) == 0)
        ++result.tally.missed;
    }
  }
  return result;
}

double LiveScorer::bpm_of_bar(std::int64_t bar) const {
  const double seconds_per_slot = grid_.slot_seconds(grid_.first_slot_of_bar(bar));
  return meters_.tempo_unit() * 60.0 / (seconds_per_slot * slots_per_whole_);
}

}  // namespace pocket
