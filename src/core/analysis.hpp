#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include <functional>
#include <map>

#include "click_pattern.hpp"
#include "dynamics.hpp"
#include "expected_strokes.hpp"
#include "feel.hpp"
#include "grid.hpp"
#include "hand_timing.hpp"
#include "scored_stroke.hpp"
#include "swing_measure.hpp"
#include "timing_stats.hpp"

namespace pocket {

struct PadTiming {
  std::string pad;
  TimingStats stats;
  VelocityStats velocity;
};

struct PositionTiming {
  int position = 0;   // slot within the bar
  std::string label;  // "1", "1e", "1&", "1a", ...
  bool on_beat = false;
  TimingStats stats;
  VelocityStats velocity;
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

// With a groove pattern: how often a pad missed (or added a stroke) at a position of the bar.
struct PatternSpot {
  std::string pad;
  int position = 0;   // in the meter cycle
  std::string label;  // "3", "2e", ...
  std::int64_t count = 0;
  std::int64_t of = 0;   // missed spots: how often the pattern asked for it in the bars played
  bool doubled = false;  // extra spots: the pattern has the pad there, and a closer stroke counted
};

// With a pattern: one expected note (a pad at a position) over the bars played.
struct PatternNote {
  std::string pad;
  int position = 0;
  std::string label;
  std::int64_t due = 0;     // bars that asked for it
  std::int64_t missed = 0;  // of those, bars without it
  TimingStats stats;        // of the strokes that played it
};

// Timing on clicks that were heard and on clicks that were left out.
struct ClickSplit {
  TimingStats heard;
  TimingStats muted;
};

struct BarTally {
  std::int64_t bar = 0;
  Tally tally;
};

struct AnalysisOptions {
  GapPattern gap;  // muted bars of the drill, counted from bar 0 of the grid
  // With a pattern, only its slots are expected of each pad; null or plain: any pad, any slot.
  const ExpectedStrokes* expected = nullptr;
  // The bars played, first and last (with a pattern, every expected slot in them counts);
  // none: from the bar of the first matched stroke to that of the last.
  std::optional<std::pair<std::int64_t, std::int64_t>> bars;
  // Whether the click a slot answered was heard; empty: every click was.
  std::function<bool(std::int64_t slot)> click_heard;
  // Where each pad means to sit: offsets are from the slot plus it.
  Feel feel;
  // Which hand plays each stroke; null or empty: hands are not told apart.
  const Sticking* sticking = nullptr;
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
  bool patterned = false;              // scored against a groove pattern
  std::vector<PatternSpot> missed_at;  // with a pattern: per pad and position, most first
  std::vector<PatternSpot> extra_at;
  std::vector<PatternNote> notes;              // with a pattern: every expected note, in bar order
  std::optional<ClickSplit> by_click;          // when some clicks were left out
  std::map<int, std::int64_t> unmapped_notes;  // note-ons on notes the kit map does not cover
  std::vector<BarTally> bars;                  // from the first played bar to the last
  Tally total;
  Swing swing_asked;                     // the grid's
  std::optional<MeasuredSwing> swing;    // the player's, where pairs were played
  std::map<std::string, double> feel;    // pad -> intended ms, for pads with a placement
  std::vector<HandStats> hands;          // with a sticking: right, left, both, those played
  std::optional<Dynamics> dynamics;      // with accents or ghost notes in the pattern
  std::optional<DoubleStrokes> doubles;  // with a sticking that plays doubles

  const PadTiming* pad(const std::string& name) const;
};

// The statistics of strokes already matched (slot, offset and whether each counts), e.g. from
// the history. With a plain grid, a slot between the first and the last matched one that no
// pad struck is missed; with a pattern, every expected slot of a pad it did not strike.
Analysis summarize(std::vector<ScoredStroke> scored, const Grid& grid,
                   std::span<const std::string> pad_names, std::int64_t double_triggers = 0,
                   const AnalysisOptions& options = {});

// Matches each stroke to the nearest slot of its pad; a second stroke of the same pad on the
// same slot is extra (the closer one counts), and so is, with a pattern, a stroke where its
// pad's line has nothing. Missed as for summarize(). Strokes before slot 0 are extra.
Analysis analyze(std::vector<Stroke> strokes, const Grid& grid,
                 std::span<const std::string> pad_names, std::int64_t double_triggers = 0,
                 const AnalysisOptions& options = {});

}  // namespace pocket
