#pragma once

#include <string>
#include <vector>

#include "core/analysis.hpp"

namespace pocket {

// "you swung 61 % on 8ths over 120 pairs, the drill asks 58 %"; empty when no pairs were
// played and the grid is straight.
std::string swing_sentence(const Analysis& analysis);

// One line per pad with a placement: "snare meant 10 ms behind the beat, sat 2.1 ms later than
// that, 78% within 10 ms of it".
std::vector<std::string> feel_sentences(const Analysis& analysis);

// Loudness in words, in MIDI velocity of this kit: each pad's ("snare 96 ±5%"), the pattern's
// accents, normal strokes and ghost notes, and doubles. Empty lines are left out.
std::vector<std::string> dynamics_sentences(const Analysis& analysis);

}  // namespace pocket
