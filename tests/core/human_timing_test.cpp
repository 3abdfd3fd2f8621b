// The demo drummer's timing: its bias and jitter below its limit, coming apart above it.
#include <cmath>
#include <vector>

#include <catch2/catch.hpp>

#include "core/human_timing.hpp"

using namespace pocket;

namespace {
struct Spread {
  double mean = 0.0;
  double sd = 0.0;
};
Spread spread_at(double bpm, HumanTiming timing, int strokes = 20000) {
  HumanDrummer drummer(timing);
  std::vector<double> offsets;
  for (int i = 0; i < strokes; ++i) offsets.push_back(drummer.next_offset_ms(bpm));
  Spread s;
  for (double o : offsets) s.mean += o / strokes;
  for (double o : offsets) s.sd += (o - s.mean) * (o - s.mean) / (strokes - 1);
  s.sd = std::sqrt(s.sd);
  return s;
}
}  // namespace

TEST_CASE("below its limit the drummer plays its bias with its jitter", "[drummer]") {
  const Spread s = spread_at(100.0, HumanTiming{3.0, 6.0, 110.0, 8.0, 1});
  CHECK(s.mean == Approx(3.0).margin(0.15));
  CHECK(s.sd == Approx(6.0).margin(0.15));
}

TEST_CASE("past its limit the jitter grows with every BPM", "[drummer]") {
  // 2.5 BPM over: sqrt(6^2 + (2.5 * 8)^2) = 20.9 ms.
  const Spread s = spread_at(112.5, HumanTiming{3.0, 6.0, 110.0, 8.0, 1});
  CHECK(s.sd == Approx(std::hypot(6.0, 20.0)).margin(0.5));
  CHECK(s.mean == Approx(3.0).margin(0.5));
}

TEST_CASE("the same seed plays the same strokes", "[drummer]") {
  HumanDrummer a(HumanTiming{}), b(HumanTiming{});
  for (int i = 0; i < 100; ++i) CHECK(a.next_offset_ms(120.0) == b.next_offset_ms(120.0));
}
