#pragma once

#include <cstdint>
#include <optional>
#include <span>

#include "expected_strokes.hpp"
#include "grid.hpp"
#include "hand_timing.hpp"
#include "scored_stroke.hpp"
#include "sticking.hpp"

namespace pocket {

// How a player's strokes followed the pattern's dynamics, in MIDI velocity of one kit.
struct Dynamics {
  VelocityStats accents, normals, ghosts;  // the strokes marked X, x and g (strokes 0: none)
  double accent_gap = 0.0;  // the accents' mean velocity over the normals' (0 without both)
  // Of the accents with a normal stroke of their pad next to them (before or after), the share
  // played louder than every such neighbour.
  double accents_louder = 0.0;
  std::int64_t accents_judged = 0;
};

// Doubles (two strokes in a row of one hand on one pad, by the sticking): how loud the second
// is beside the first.
struct DoubleStrokes {
  std::int64_t pairs = 0;
  double second_over_first = 0.0;  // the seconds' mean velocity over the firsts'
};

// From the matched strokes; nothing when the pattern marks no accent or ghost note.
std::optional<Dynamics> dynamics_of(std::span<const ScoredStroke> scored, const Grid& grid,
                                    const ExpectedStrokes& expected);

// Nothing without a sticking or without two strokes in a row of one hand.
std::optional<DoubleStrokes> double_strokes_of(std::span<const ScoredStroke> scored,
                                               const Grid& grid, const Sticking& sticking);

}  // namespace pocket
