#pragma once

#include "support/synthetic_drummer.hpp"

namespace pocket::test {

// The groove the scoring benches play: four limbs, 16 strokes a bar of 4/4 at 120 BPM (a bar
// every 2 s), with 9 ms of jitter, so that every bench scores the same kind of performance.
inline DrummerSpec bench_groove(int bars) {
  DrummerSpec spec;
  spec.bpm = 120.0;
  spec.bars = bars;
  spec.parts = {{42, {0, 2, 4, 6, 8, 10, 12, 14}, 0.0, 80},
                {36, {0, 3, 8, 11}, 4.0, 110},
                {38, {4, 12}, -3.0, 100},
                {51, {6, 14}, 0.0, 70}};
  spec.jitter_ms = 9.0;
  spec.seed = 7;
  return spec;
}

}  // namespace pocket::test
