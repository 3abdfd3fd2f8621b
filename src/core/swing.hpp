#pragma once

namespace pocket {

// Swing: the off-beat of each pair of notes moves later. At 50 % the pair is straight; at
// 66.7 % the off-beat falls on the last triplet; 75 % is the most pocket plays (a dotted
// note and its short partner).
struct Swing {
  double percent = 50.0;  // where the off-beat sits, in percent of its pair: 50..75
  int unit = 0;           // the note that swings: 8 or 16; 0: the grid's finest pair

  bool active() const { return percent != 50.0; }
  // Where a point `wholes` whole notes after a bar line is heard, in whole notes after it: the
  // first half of each pair stretches to `percent`, the second shrinks to the rest. Needs a unit.
  double warp(double wholes) const;
};

// A point `beat` beats after a bar line of a meter counting `meter_unit` notes, swung.
inline double swung_beat(const Swing& swing, double beat, int meter_unit) {
  return swing.warp(beat / meter_unit) * meter_unit;
}

inline constexpr double kMaxSwingPercent = 75.0;

// The swing for a grid of `slots_per_whole`: its unit chosen when 0 (16 where the grid holds
// sixteenths, else 8). Throws std::invalid_argument for a percent outside 50..75, a unit other
// than 8 or 16, or a grid that does not hold the unit's pairs (a swung grid of 12 or 4).
// Straight swing passes with any grid.
Swing resolve_swing(Swing swing, int slots_per_whole);

}  // namespace pocket
