#include "drill.hpp"

#include <algorithm>
#include <stdexcept>

#include <fmt/format.h>

#include "grid.hpp"
#include "tempo_map.hpp"

namespace pocket {

namespace {

void validate_window(const PassRule& rule, const char* mode) {
  if (!(rule.min_slots_within_25ms >= 0.0 && rule.min_slots_within_25ms <= 1.0) ||
      !(rule.max_sd_ms > 0.0)) {
    throw std::invalid_argument(fmt::format(
        "{}: the window needs a share of slots from 0 to 100% and an SD above 0 ms", mode));
  }
}

void check_range(int value, int low, int high, const char* what) {
  if (value < low || value > high) {
    throw std::invalid_argument(fmt::format("{} is {}: use {} to {}", what, value, low, high));
  }
}

}  // namespace

int Drill::scored_grid() const {
  if (grid > 0) return grid;
  int unit = 1;
  for (const Meter& m : meters.meters()) unit = std::max(unit, m.unit);
  return unit * click.subdivision;
}

void validate(const Drill& d) {
  validate(d.click);
  const int grid = d.scored_grid();
  validate_grid(grid);
  const Grid slots = Grid::constant(d.start_bpm(), d.meters, grid);  // checks the grid fits
  for (std::size_t i = 0; i < d.meters.size(); ++i) {
    accents_for(d.click, i, d.meters.size(), d.meters.meters()[i].beats);
  }
  if (d.ladder) {
    validate(*d.ladder);
  } else {
    TempoMap({{d.meters.first(), 1, d.bpm, d.bpm}});  // checks the tempo
    if (d.bars == 0 || d.bars < -1) throw std::invalid_argument("a drill needs at least 1 bar");
  }
  validate_window(d.rule, "the pass rule");
  for (const PadPattern& p : d.pattern) {
    const std::string marks = pattern_marks(p.marks);
    if (static_cast<int>(marks.size()) != slots.positions()) {
      throw std::invalid_argument(fmt::format(
          "the pattern for '{}' has {} marks but a {} of grid {} has {} slots", p.pad, marks.size(),
          d.meters.size() > 1 ? "meter cycle" : "bar", grid, slots.positions()));
    }
  }
  if (d.silent_while_tight) {
    check_range(d.silent_while_tight->after_bars, 1, 64, "silent while tight: after_bars");
    validate_window(d.silent_while_tight->window, "silent while tight");
  }
  if (d.quiet_count) {
    const QuietCount& q = *d.quiet_count;
    check_range(q.play_bars, 1, 64, "quiet count: play_bars");
    check_range(q.max_gap_bars, 1, 64, "quiet count: max_gap_bars");
    check_range(q.first_gap_bars, 1, q.max_gap_bars, "quiet count: first_gap_bars");
    validate_window(q.window, "quiet count");
  }
  const int silencers =
      (d.silent_while_tight ? 1 : 0) + (d.quiet_count ? 1 : 0) + (d.click.gap.active() ? 1 : 0);
  if (silencers > 1) {
    throw std::invalid_argument(
        "silent while tight, quiet count and gap bars each decide when the click is silent: "
        "choose one");
  }
}

}  // namespace pocket
