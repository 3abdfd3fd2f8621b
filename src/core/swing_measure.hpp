#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "grid.hpp"
#include "scored_stroke.hpp"

namespace pocket {

// How far a player swung: over each pair of notes one pad struck on the beat, off the beat
// and on the next beat, where the off-beat fell in the pair, in percent (50 straight, 66.7 the
// triplet). Measured from when the strokes were played, whatever the grid asked.
struct SwingReading {
  std::int64_t pairs = 0;
  double percent = 0.0;  // the mean over the pairs
};

struct PadSwing {
  std::string pad;
  SwingReading reading;
};

struct MeasuredSwing {
  int unit = 0;                // the pairs' note: 8 or 16
  SwingReading pooled;         // every pad's pairs together
  std::vector<PadSwing> pads;  // pads with pairs, in pad order
};

// Reads the swing of matched strokes on `grid`: on its swing's unit when it swings, else on
// sixteenths, and on eighths when no pad played a sixteenths' pair. Nothing when the grid has no
// such pairs or no pad played one.
std::optional<MeasuredSwing> measure_swing(std::span<const ScoredStroke> scored, const Grid& grid,
                                           std::span<const std::string> pad_names);

}  // namespace pocket
