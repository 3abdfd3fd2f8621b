#pragma once

#include <cstdint>

namespace pocket {

// A stroke, after the stroke filter: which pad, when, how hard.
struct Stroke {
  double seconds = 0.0;  // on the same clock as the grid
  int pad = 0;           // index into the pad names handed to analyze()
  int velocity = 0;      // 1..127
};

struct ScoredStroke {
  Stroke stroke;
  std::int64_t slot = 0;    // the nearest grid slot
  double offset_ms = 0.0;   // from that slot (and its pad's feel): negative early, positive late
  bool matched = false;     // false: an extra stroke (its pad already had that slot, or its
                            // pattern has nothing there)
  bool click_heard = true;  // false: the click it answered was left out (muted, silent)
};

}  // namespace pocket
