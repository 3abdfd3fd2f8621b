#pragma once

#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <vector>

#include "analysis.hpp"
#include "grid.hpp"

namespace pocket {

// Scores a live session as it goes: each stroke against the tempo sections the click actually
// played, at once for the live view, and bar by bar for the coach. Clock-free: the caller
// says what time it is. [analysis thread]
class LiveScorer {
 public:
  // `expected`: a groove pattern (plain: every slot is expected); it must outlive the scorer.
  // The grid swings by `swing`; strokes are timed against each pad's `feel`.
  LiveScorer(MeterCycle meters, int slots_per_whole, std::vector<std::string> pad_names,
             const ExpectedStrokes& expected, Swing swing = {}, Feel feel = {});

  // The click played `bpm` from the bar line of `first_bar`, `start_seconds` into the stream.
  void add_section(std::int64_t first_bar, double start_seconds, double bpm);

  // The stroke with its slot and offset, or nothing when it falls before bar 0 (count-in).
  std::optional<ScoredStroke> add_stroke(const Stroke& stroke);

  // Bars that ended more than half a slot before `now_seconds` and were not closed yet, up to
  // `last_bar`: a bar the click has not reached stays open whatever the clock says, so that a
  // clock running ahead cannot close it before it is played. In a bar every slot is expected
  // (with a pattern, every slot of a pad's line): one not struck is missed.
  std::vector<BarTally> close_bars(
      double now_seconds, std::int64_t last_bar = std::numeric_limits<std::int64_t>::max());

  // The click ended before `end_bar`: strokes aimed past it are not part of the drill.
  void end_before_bar(std::int64_t end_bar);

  // The tempo the click played in `bar`, in BPM.
  double bpm_of_bar(std::int64_t bar) const;
  // The strokes of a bar with their slots and offsets, in time order; the closest stroke of
  // each pad on each slot is matched, the others are extra (and so are, with a pattern,
  // strokes where the pad's line has nothing).
  std::vector<ScoredStroke> scored_in_bar(std::int64_t bar) const;

  const Grid& grid() const { return grid_; }
  const std::vector<Stroke>& strokes() const { return strokes_; }
  const std::vector<std::string>& pad_names() const { return pad_names_; }
  const Feel& feel() const { return feel_; }

 private:
  BarTally tally_bar(std::int64_t bar) const;
  ScoredStroke score(const Stroke& stroke) const;

  MeterCycle meters_;
  int slots_per_whole_;
  const ExpectedStrokes& expected_;
  std::vector<std::string> pad_names_;
  Feel feel_;
  std::vector<Grid::Segment> segments_;
  Grid grid_;
  std::vector<Stroke> strokes_;
  std::int64_t next_bar_to_close_ = 0;
};

}  // namespace pocket
