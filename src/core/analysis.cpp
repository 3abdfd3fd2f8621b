#include "analysis.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

#include "schedule.hpp"

namespace pocket {

namespace {

// Assigns each stroke its slot and offset; marks the closer of two same-pad strokes on one slot.
void match(std::vector<ScoredStroke>& scored, const Grid& grid, std::size_t pad_count,
           const ExpectedStrokes& expected, const Feel& feel) {
  struct Last {
    std::int64_t slot = INT64_MIN;
    std::size_t index = 0;
  };
  std::vector<Last> last(pad_count);
  for (std::size_t i = 0; i < scored.size(); ++i) {
    ScoredStroke& s = scored[i];
    const double on_grid = feel.seconds_on_grid(s.stroke);
    s.slot = grid.nearest_slot(on_grid);
    s.offset_ms = feel.offset_ms(grid, s.stroke, s.slot);
    if (s.slot < 0) continue;
    if (!expected.plain() && !expected.expects(s.stroke.pad, grid.position_of(s.slot))) continue;
    Last& previous = last[static_cast<std::size_t>(s.stroke.pad)];
    if (previous.slot == s.slot) {
      ScoredStroke& rival = scored[previous.index];
      if (std::abs(s.offset_ms) >= std::abs(rival.offset_ms)) continue;
      rival.matched = false;
    }
    s.matched = true;
    previous = {s.slot, i};
  }
}

std::vector<TimedOffset> offsets_where(const std::vector<ScoredStroke>& scored, auto predicate) {
  std::vector<TimedOffset> out;
  for (const ScoredStroke& s : scored) {
    if (s.matched && predicate(s)) out.push_back({s.stroke.seconds, s.offset_ms});
  }
  return out;
}

FlamStats flam_stats(const std::vector<ScoredStroke>& scored) {
  // The matched strokes by slot, in one sorted array rather than a tree: strokes come nearly
  // in slot order, and this runs over every stroke of a performance.
  std::vector<std::pair<std::int64_t, double>> by_slot;  // (slot, offset)
  for (const ScoredStroke& s : scored) {
    if (s.matched) by_slot.emplace_back(s.slot, s.offset_ms);
  }
  std::sort(by_slot.begin(), by_slot.end());
  FlamStats flams;
  double sum = 0.0;
  for (std::size_t first = 0, next = 0; first < by_slot.size(); first = next) {
    while (next < by_slot.size() && by_slot[next].first == by_slot[first].first) ++next;
    if (next - first < 2) continue;
    // Sorted by offset within the slot: the spread is the last minus the first.
    const double spread = by_slot[next - 1].second - by_slot[first].second;
    ++flams.slots;
    sum += spread;
    flams.max_spread_ms = std::max(flams.max_spread_ms, spread);
  }
  if (flams.slots > 0) flams.mean_spread_ms = sum / flams.slots;
  return flams;
}

using SpotCounts = std::map<std::pair<int, int>, std::int64_t>;  // (pad, position) -> count

// Each bar's tally, in bar order. Callers go through strokes and slots in time order, so the
// last bar's tally is kept at hand: a run in one bar looks the tree up once (its nodes do not
// move).
class BarTallies {
 public:
  Tally& operator[](std::int64_t bar) {
    if (last_ == nullptr || bar != last_bar_) {
      last_ = &bars_[bar];
      last_bar_ = bar;
    }
    return *last_;
  }
  const std::map<std::int64_t, Tally>& in_order() const { return bars_; }

 private:
  std::map<std::int64_t, Tally> bars_;
  Tally* last_ = nullptr;
  std::int64_t last_bar_ = 0;
};

// The bars scored: as given, else from the first matched stroke's bar to the last one's.
std::optional<std::pair<std::int64_t, std::int64_t>> bar_range(const Analysis& result,
                                                               const Grid& grid,
                                                               const AnalysisOptions& options) {
  if (options.bars) return options.bars;
  std::optional<std::pair<std::int64_t, std::int64_t>> range;
  for (const ScoredStroke& s : result.strokes) {
    if (!s.matched) continue;
    const std::int64_t bar = grid.bar_of(s.slot);
    range = range ? std::pair{std::min(range->first, bar), std::max(range->second, bar)}
                  : std::pair{bar, bar};
  }
  return range;
}

// Plain grid: a slot no pad struck, between the first and the last struck one (within the
// bars played when they are given).
void count_plain_misses(Analysis& result, const Grid& grid, BarTallies& bars,
                        const AnalysisOptions& options) {
  std::vector<std::int64_t> struck;
  for (const ScoredStroke& s : result.strokes) {
    if (s.matched) struck.push_back(s.slot);
  }
  std::sort(struck.begin(), struck.end());
  struck.erase(std::unique(struck.begin(), struck.end()), struck.end());
  for (std::size_t i = 1; i < struck.size(); ++i) {
    for (std::int64_t slot = struck[i - 1] + 1; slot < struck[i]; ++slot) {
      const std::int64_t bar = grid.bar_of(slot);
      if (options.bars && (bar < options.bars->first || bar > options.bars->second)) continue;
      ++result.missed;
      ++bars[bar].missed;
    }
  }
}

// Pattern: every expected slot of a pad, in the bars played, that the pad did not strike.
// Counts in `due` how often each pad's note came round.
SpotCounts count_pattern_misses(Analysis& result, const Grid& grid, const ExpectedStrokes& expected,
                                BarTallies& bars, const AnalysisOptions& options, SpotCounts& due) {
  SpotCounts missed;
  const auto range = bar_range(result, grid, options);
  if (!range) return missed;
  std::set<std::pair<int, std::int64_t>> struck;  // (pad, slot)
  for (const ScoredStroke& s : result.strokes) {
    if (s.matched) struck.insert({s.stroke.pad, s.slot});
  }
  const std::vector<int> pads = expected.pads();
  const std::int64_t end = grid.first_slot_of_bar(range->second + 1);
  for (std::int64_t slot = grid.first_slot_of_bar(range->first); slot < end; ++slot) {
    const int position = grid.position_of(slot);
    for (const int pad : pads) {
      if (!expected.expects(pad, position)) continue;
      ++due[{pad, position}];
      if (struck.count({pad, slot}) > 0) continue;
      ++result.missed;
      ++bars[grid.bar_of(slot)].missed;
      ++missed[{pad, position}];
    }
  }
  return missed;
}

// `due`, when given, says how often each spot came round.
std::vector<PatternSpot> spots(const SpotCounts& counts, const Grid& grid,
                               std::span<const std::string> pad_names,
                               const SpotCounts* due = nullptr) {
  std::vector<PatternSpot> out;
  for (const auto& [where, count] : counts) {
    out.push_back({pad_names[static_cast<std::size_t>(where.first)], where.second,
                   grid.position_label(where.second), count, due ? due->at(where) : 0});
  }
  std::stable_sort(out.begin(), out.end(),
                   [](const PatternSpot& a, const PatternSpot& b) { return a.count > b.count; });
  return out;
}

// Every expected note in bar order: how often it came round, was missed, and its timing.
std::vector<PatternNote> pattern_notes(const std::vector<ScoredStroke>& scored, const Grid& grid,
                                       std::span<const std::string> pad_names,
                                       const SpotCounts& due, const SpotCounts& missed) {
  std::map<std::pair<int, int>, std::vector<TimedOffset>> played;  // (position, pad)
  for (const ScoredStroke& s : scored) {
    if (s.matched)
      played[{grid.position_of(s.slot), s.stroke.pad}].push_back({s.stroke.seconds, s.offset_ms});
  }
  std::vector<PatternNote> notes;
  for (const auto& [where, count] : due) {
    const auto [pad, position] = where;
    const auto m = missed.find(where);
    const auto p = played.find({position, pad});
    notes.push_back({pad_names[static_cast<std::size_t>(pad)], position,
                     grid.position_label(position), count, m == missed.end() ? 0 : m->second,
                     p == played.end() ? TimingStats{} : timing_stats(p->second)});
  }
  std::stable_sort(notes.begin(), notes.end(), [](const PatternNote& a, const PatternNote& b) {
    return a.position < b.position;
  });
  return notes;
}

// The matched strokes of one pad or one position: their offsets and their velocities.
struct StrokeGroup {
  std::vector<TimedOffset> offsets;
  std::vector<int> velocities;
  void add(const ScoredStroke& s) {
    offsets.push_back({s.stroke.seconds, s.offset_ms});
    velocities.push_back(s.stroke.velocity);
  }
};

// Each hand's timing and loudness over its matched strokes, by the sticking of their positions.
std::vector<HandStats> hand_stats(const std::vector<ScoredStroke>& scored, const Grid& grid,
                                  const Sticking& sticking) {
  constexpr Hand kOrder[] = {Hand::right, Hand::left, Hand::both};
  std::vector<HandStats> out;
  for (const Hand hand : kOrder) {
    StrokeGroup g;
    for (const ScoredStroke& s : scored) {
      if (s.matched && sticking.hand_of(s.stroke.pad, grid.position_of(s.slot)) == hand) g.add(s);
    }
    if (!g.offsets.empty())
      out.push_back({hand, timing_stats(g.offsets), velocity_stats(g.velocities)});
  }
  return out;
}

}  // namespace

const PadTiming* Analysis::pad(const std::string& name) const {
  for (const PadTiming& p : pads) {
    if (p.pad == name) return &p;
  }
  return nullptr;
}

Analysis analyze(std::vector<Stroke> strokes, const Grid& grid,
                 std::span<const std::string> pad_names, std::int64_t double_triggers,
                 const AnalysisOptions& options) {
  std::stable_sort(strokes.begin(), strokes.end(),
                   [](const Stroke& a, const Stroke& b) { return a.seconds < b.seconds; });
  std::vector<ScoredStroke> scored;
  scored.reserve(strokes.size());
  for (const Stroke& s : strokes) scored.push_back({s, 0, 0.0, false});
  const ExpectedStrokes plain;
  match(scored, grid, pad_names.size(), options.expected != nullptr ? *options.expected : plain,
        options.feel);
  if (options.click_heard) {
    for (ScoredStroke& s : scored) s.click_heard = s.slot < 0 || options.click_heard(s.slot);
  }
  return summarize(std::move(scored), grid, pad_names, double_triggers, options);
}

Analysis summarize(std::vector<ScoredStroke> scored, const Grid& grid,
                   std::span<const std::string> pad_names, std::int64_t double_triggers,
                   const AnalysisOptions& options) {
  Analysis result;
  result.double_triggers = double_triggers;
  result.strokes = std::move(scored);

  // Per-bar tallies, misses and extras.
  const ExpectedStrokes plain;
  const ExpectedStrokes& expected = options.expected != nullptr ? *options.expected : plain;
  BarTallies bars;
  SpotCounts extra_at;
  for (const ScoredStroke& s : result.strokes) {
    if (s.matched) {
      bars[grid.bar_of(s.slot)].add_hit(s.offset_ms);
    } else {
      ++result.extra;
      if (s.slot < 0) continue;
      ++bars[grid.bar_of(s.slot)].extra;
      ++extra_at[{s.stroke.pad, grid.position_of(s.slot)}];
    }
  }
  if (expected.plain()) {
    count_plain_misses(result, grid, bars, options);
  } else {
    result.patterned = true;
    SpotCounts due;
    const SpotCounts missed = count_pattern_misses(result, grid, expected, bars, options, due);
    result.missed_at = spots(missed, grid, pad_names, &due);
    result.extra_at = spots(extra_at, grid, pad_names);
    for (PatternSpot& spot : result.extra_at) {
      const auto pad = std::find(pad_names.begin(), pad_names.end(), spot.pad) - pad_names.begin();
      spot.doubled = expected.expects(static_cast<int>(pad), spot.position);
    }
    result.notes = pattern_notes(result.strokes, grid, pad_names, due, missed);
  }
  for (const auto& [bar, tally] : bars.in_order()) {
    result.bars.push_back({bar, tally});
    result.total += tally;
  }

  result.timing =
      timing_stats(offsets_where(result.strokes, [](const ScoredStroke&) { return true; }));
  // Per pad and per position: one pass that sorts the matched strokes into groups.
  std::vector<StrokeGroup> by_pad(pad_names.size());
  std::vector<StrokeGroup> by_position(static_cast<std::size_t>(grid.positions()));
  for (const ScoredStroke& s : result.strokes) {
    if (!s.matched) continue;
    by_pad[static_cast<std::size_t>(s.stroke.pad)].add(s);
    by_position[static_cast<std::size_t>(grid.position_of(s.slot))].add(s);
  }
  for (std::size_t pad = 0; pad < pad_names.size(); ++pad) {
    const StrokeGroup& g = by_pad[pad];
    if (!g.offsets.empty())
      result.pads.push_back(
          {pad_names[pad], timing_stats(g.offsets), velocity_stats(g.velocities)});
  }
  for (int position = 0; position < grid.positions(); ++position) {
    const StrokeGroup& g = by_position[static_cast<std::size_t>(position)];
    if (!g.offsets.empty()) {
      result.positions.push_back({position, grid.position_label(position), grid.on_beat(position),
                                  timing_stats(g.offsets), velocity_stats(g.velocities)});
    }
  }
  result.flams = flam_stats(result.strokes);
  result.swing_asked = grid.swing();
  result.swing = measure_swing(result.strokes, grid, pad_names);
  if (options.sticking != nullptr && !options.sticking->empty()) {
    result.hands = hand_stats(result.strokes, grid, *options.sticking);
    result.doubles = double_strokes_of(result.strokes, grid, *options.sticking);
  }
  result.dynamics = dynamics_of(result.strokes, grid, expected);
  for (std::size_t pad = 0; pad < pad_names.size(); ++pad) {
    const double ms = options.feel.ms(static_cast<int>(pad));
    if (ms != 0.0) result.feel[pad_names[pad]] = ms;
  }

  if (options.gap.active()) {
    const GapPattern& gap = options.gap;
    result.gap = GapStats{timing_stats(offsets_where(result.strokes,
                                                     [&](const ScoredStroke& s) {
                                                       return gap_muted(gap, grid.bar_of(s.slot));
                                                     })),
                          timing_stats(offsets_where(result.strokes, [&](const ScoredStroke& s) {
                            const std::int64_t bar = grid.bar_of(s.slot);
                            return grid.starts_bar(grid.position_of(s.slot)) &&
                                   !gap_muted(gap, bar) && gap_muted(gap, bar - 1);
                          }))};
  }
  const bool some_muted = std::any_of(result.strokes.begin(), result.strokes.end(),
                                      [](const ScoredStroke& s) { return !s.click_heard; });
  if (some_muted) {
    result.by_click =
        ClickSplit{timing_stats(offsets_where(result.strokes,
                                              [](const ScoredStroke& s) { return s.click_heard; })),
                   timing_stats(offsets_where(
                       result.strokes, [](const ScoredStroke& s) { return !s.click_heard; }))};
  }
  return result;
}

}  // namespace pocket
