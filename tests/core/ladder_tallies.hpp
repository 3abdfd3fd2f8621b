#pragma once

#include "core/tempo_ladder.hpp"

// Bars of 16 hits for the ladder's tests: bias + spread and bias - spread in turn.
namespace pocket::test {

inline Tally bar(double bias_ms, double spread_ms, int missed = 0) {
  Tally t;
  for (int i = 0; i < 16; ++i) t.add_hit(bias_ms + (i % 2 == 0 ? spread_ms : -spread_ms));
  t.missed = missed;
  return t;
}

inline Tally solid() { return bar(3.0, 5.0); }
inline Tally shaky() { return bar(0.0, 30.0); }  // nothing within 25 ms

}  // namespace pocket::test
