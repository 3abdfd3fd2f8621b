#include <vector>

#include <catch2/catch.hpp>

#include "core/timing_stats.hpp"
#include "core/timing_summary.hpp"

using namespace pocket;

TEST_CASE("statistics of a handful of offsets, worked by hand", "[timing_stats]") {
  const std::vector<TimedOffset> offsets = {{0.0, -4.0}, {60.0, 2.0}, {120.0, 8.0}, {180.0, 30.0}};
  const TimingStats s = timing_stats(offsets);
  CHECK(s.hits == 4);
  CHECK(s.mean_offset_ms == Approx(9.0));
  // Deviations -13, -7, -1, 21: squares 169 + 49 + 1 + 441 = 660; 660 / 3 = 220.
  CHECK(s.sd_offset_ms == Approx(std::sqrt(220.0)));
  CHECK(s.median_abs_offset_ms == Approx(6.0));  // |2|, |-4|, |8|, |30|: (4 + 8) / 2
  CHECK(s.within_10ms == Approx(0.75));
  CHECK(s.within_25ms == Approx(0.75));
  // x = 0, 1, 2, 3 minutes; slope = sum(dx dy) / sum(dx^2) = (19.5 + 3.5 - 0.5 + 31.5) / 5.
  CHECK(s.drift_ms_per_min == Approx(54.0 / 5.0));
  CHECK(s.span_minutes == Approx(3.0));
}

TEST_CASE("empty and single offsets give zeros, not NaN", "[timing_stats]") {
  CHECK(timing_stats({}).hits == 0);
  const std::vector<TimedOffset> one = {{1.0, 5.0}};
  const TimingStats s = timing_stats(one);
  CHECK(s.mean_offset_ms == 5.0);
  CHECK(s.sd_offset_ms == 0.0);
  CHECK(s.drift_ms_per_min == 0.0);
}

TEST_CASE("tallies merge and agree with the full statistics", "[timing_stats]") {
  const std::vector<double> offsets = {3.0, -7.0, 12.0, 30.0, -26.0, 1.0};
  Tally a, b;
  std::vector<TimedOffset> timed;
  for (std::size_t i = 0; i < offsets.size(); ++i) {
    (i < 3 ? a : b).add_hit(offsets[i]);
    timed.push_back({static_cast<double>(i), offsets[i]});
  }
  b.missed = 2;
  a += b;
  const TimingStats s = timing_stats(timed);
  CHECK(a.hits == 6);
  CHECK(a.mean_ms() == Approx(s.mean_offset_ms));
  CHECK(a.sd_ms() == Approx(s.sd_offset_ms));
  CHECK(a.within_25ms == 4);
  CHECK(a.slots_within_25ms() == Approx(4.0 / 8.0));
}

TEST_CASE("the summary line speaks plainly", "[timing_summary]") {
  TimingStats s;
  s.hits = 100;
  s.mean_offset_ms = 8.2;
  s.sd_offset_ms = 6.4;
  CHECK(describe_timing(s) == "late by 8 ms on average, consistent within 6 ms, no drift");
  s.mean_offset_ms = -12.0;
  s.drift_ms_per_min = -5.0;
  s.drift_t = 10.0;
  s.span_minutes = 2.0;
  CHECK(describe_timing(s) ==
        "early by 12 ms on average, consistent within 6 ms, rushing by 5.0 ms per minute");
  s.mean_offset_ms = 1.0;
  s.drift_ms_per_min = 3.0;
  CHECK(describe_timing(s) ==
        "on the click on average, consistent within 6 ms, dragging by 3.0 ms per minute");
  s.drift_t = 1.5;  // not clear enough to call
  CHECK(describe_timing(s) == "on the click on average, consistent within 6 ms, no drift");
  s.drift_t = 10.0;
  s.span_minutes = 0.5;  // adds up to 1.5 ms only
  CHECK_FALSE(has_drift(s));
  CHECK(describe_timing(TimingStats{}) == "no strokes matched the grid");
}
