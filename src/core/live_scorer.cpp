#include "live_scorer.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

namespace pocket {

namespace {
double seconds_per_slot(Meter meter, int slots_per_whole, double bpm) {
  return meter.unit * 60.0 / bpm / slots_per_whole;
}
}  // namespace

LiveScorer::LiveScorer(Meter meter, int slots_per_whole, std::vector<std::string> pad_names)
    : meter_(meter),
      slots_per_whole_(slots_per_whole),
      pad_names_(std::move(pad_names)),
      grid_(Grid::constant(120.0, meter, slots_per_whole)) {}

void LiveScorer::add_section(std::int64_t first_bar, double start_seconds, double bpm) {
  const double slot = static_cast<double>(first_bar * grid_.slots_per_bar());
  while (!segments_.empty() && segments_.back().slot >= slot) segments_.pop_back();
  segments_.push_back({slot, start_seconds, seconds_per_slot(meter_, slots_per_whole_, bpm)});
  grid_ = Grid(segments_, meter_, slots_per_whole_);
}

std::optional<ScoredStroke> LiveScorer::add_stroke(const Stroke& stroke) {
  const std::int64_t slot = grid_.nearest_slot(stroke.seconds);
  if (slot < 0) return std::nullopt;
  strokes_.push_back(stroke);
  return ScoredStroke{stroke, slot, (stroke.seconds - grid_.seconds_of(slot)) * 1000.0, true};
}

std::vector<BarTally> LiveScorer::close_bars(double now_seconds) {
  std::vector<BarTally> closed;
  const int per_bar = grid_.slots_per_bar();
  while (true) {
    const std::int64_t end_slot = (next_bar_to_close_ + 1) * per_bar;
    const double closes_at = grid_.seconds_of(end_slot) + grid_.slot_seconds(end_slot - 1) / 2.0;
    if (segments_.empty() || now_seconds < closes_at) break;
    closed.push_back(tally_bar(next_bar_to_close_++));
  }
  return closed;
}

void LiveScorer::end_before_bar(std::int64_t end_bar) {
  const std::int64_t end_slot = end_bar * grid_.slots_per_bar();
  std::erase_if(strokes_,
                [&](const Stroke& s) { return grid_.nearest_slot(s.seconds) >= end_slot; });
}

std::vector<ScoredStroke> LiveScorer::scored_in_bar(std::int64_t bar) const {
  std::vector<ScoredStroke> out;
  std::map<std::pair<int, std::int64_t>, std::size_t> closest;  // (pad, slot) -> index in out
  for (const Stroke& s : strokes_) {
    const std::int64_t slot = grid_.nearest_slot(s.seconds);
    if (grid_.bar_of(slot) != bar) continue;
    out.push_back({s, slot, (s.seconds - grid_.seconds_of(slot)) * 1000.0, true});
    // The closest stroke of each pad on each slot counts; the others are extra.
    auto [it, fresh] = closest.try_emplace({s.pad, slot}, out.size() - 1);
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
  std::set<std::int64_t> struck;
  for (const ScoredStroke& s : scored_in_bar(bar)) {
    if (!s.matched) {
      ++result.tally.extra;
      continue;
    }
    result.tally.add_hit(s.offset_ms);
    struck.insert(s.slot);
  }
  result.tally.missed = grid_.slots_per_bar() - static_cast<std::int64_t>(struck.size());
  return result;
}

double LiveScorer::bpm_of_bar(std::int64_t bar) const {
  const double seconds_per_slot = grid_.slot_seconds(bar * grid_.slots_per_bar());
  return meter_.unit * 60.0 / (seconds_per_slot * slots_per_whole_);
}

}  // namespace pocket
