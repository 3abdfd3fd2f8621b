#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "click_pattern.hpp"
#include "grid.hpp"
#include "timing_stats.hpp"

namespace pocket {

// A stroke, after the stroke filter: which pad, when, how hard.
struct Stroke {
  double seconds = 0.0;  // on the same clock as the grid
  int pad = 0;           // index into the pad names handed to analyze()
  int velocity = 0;      // 1..127
};

struct ScoredStroke {
  Stroke stroke;
  std::int64_t slot = 0;   // the nearest grid slot
  double offset_ms = 0.0;  // from that slot: negative early, positive late
  bool matched = false;    // false: an extra stroke (its pad already had that slot)
};

struct PadTiming {
  std::string pad;
  TimingStats stats;
};

struct PositionTiming {
  int position = 0;   // slot within the bar
  std::string label;  // "1", "1e", "1&", "1a", ...
  bool on_beat = false;
  TimingStats stats;
};

// Slots struck by more than one pad: how far apart the limbs landed.
struct FlamStats {
  std::int64_t slots = 0;
  double mean_spread_ms = 0.0;
  double max_spread_ms = 0.0;
};

// Gap-click bars: timing alone in the muted bars, and on the first click after each gap.
struct GapStats {
  TimingStats in_gap;
  TimingStats on_return;
};

struct BarTally {
  std::int64_t bar = 0;
  Tally tally;
};

struct AnalysisOptions {
  GapPattern gap;  // muted bars of the drill, counted from bar 0 of the grid
};

struct Analysis {
  std::vector<ScoredStroke> strokes;  // in time order
  TimingStats timing;                 // over matched strokes
  std::int64_t missed = 0;
  std::int64_t extra = 0;
  std::int64_t double_triggers = 0;
  std::vector<PadTiming> pads;            // pads that were played, in pad order
  std::vector<PositionTiming> positions;  // positions that were played, in bar order
  FlamStats flams;
  std::optional<GapStats> gap;
  std::vector<BarTally> bars;  // from the first played bar to the last
  Tally total;

  const PadTiming* pad(const std::string& name) const;
};

// The statistics of strokes already matched (slot, offset and whether each counts), e.g. from
// the history. With a plain grid, a slot between the first and the last matched one that no
// pad struck is missed.
Analysis summarize(std::vector<ScoredStroke> scored, const Grid& grid,
                   std::span<const std::string> pad_names, std::int64_t double_triggers = 0,
                   const AnalysisOptions& options = {});

// Matches each stroke to the nearest slot of its pad; a second stroke of the same pad on the
// same slot is extra (the closer one counts). With a plain grid, a slot between the first and
// the last matched one that no pad struck is missed. Strokes before slot 0 are extra.
Analysis analyze(std::vector<Stroke> strokes, const Grid& grid,
                 std::span<const std::string> pad_names, std::int64_t double_triggers = 0,
                 const AnalysisOptions& options = {});

}  // namespace pocket
