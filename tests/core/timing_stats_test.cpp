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

// Drift is the least-squares slope of offset (ms) on time (minutes); its standard error is
// sqrt(RSS / (n - 2) / Sxx), RSS the residual sum of squares and Sxx = sum (x - mean x)^2.

TEST_CASE("offsets on a perfect line drift by its slope, and it counts", "[timing_stats]") {
  // x = 0, 0.5, 1, 1.5, 2 minutes; y = 5 + 4 x: the slope is 4 ms per minute, with no residual
  // at all, so the standard error is 0 and the drift is as sure as it gets.
  const std::vector<TimedOffset> offsets = {
      {0.0, 5.0}, {30.0, 7.0}, {60.0, 9.0}, {90.0, 11.0}, {120.0, 13.0}};
  const TimingStats s = timing_stats(offsets);
  CHECK(s.drift_ms_per_min == Approx(4.0));
  CHECK(s.span_minutes == Approx(2.0));  // 8 ms in all: well above 2 ms
  CHECK(has_drift(s));
  // Mean 9; deviations -4, -2, 0, 2, 4: 40 / 4 = 10, sd 3.2.
  CHECK(describe_timing(s) ==
        "late by 9 ms on average, consistent within 3 ms, dragging by 4.0 ms per minute");

  // A flat line has neither slope nor error: no drift, and no NaN.
  const std::vector<TimedOffset> flat = {{0.0, -3.0}, {60.0, -3.0}, {120.0, -3.0}};
  const TimingStats f = timing_stats(flat);
  CHECK(f.drift_ms_per_min == 0.0);
  CHECK(f.drift_t == 0.0);
  CHECK_FALSE(has_drift(f));
}

namespace {

// Strokes one minute apart, x = 0..4 minutes, on the line y = slope (x - 2) plus the residuals
// 2, -3, 2, -3, 2 ms. The residuals sum to 0 and are symmetric about x = 2 (so they add nothing
// to sum (x - 2) e): the fitted slope is exactly `slope`. By hand:
//   Sxx = 4 + 1 + 0 + 1 + 4 = 10, RSS = 4 + 9 + 4 + 9 + 4 = 30,
//   standard error = sqrt(30 / (5 - 2) / 10) = 1 ms per minute, so t = slope / 1 = slope.
std::vector<TimedOffset> line_with_residuals(double slope_ms_per_min) {
  const double residual_ms[] = {2.0, -3.0, 2.0, -3.0, 2.0};
  std::vector<TimedOffset> offsets;
  for (int minute = 0; minute < 5; ++minute) {
    offsets.push_back({minute * 60.0, slope_ms_per_min * (minute - 2) + residual_ms[minute]});
  }
  return offsets;
}

}  // namespace

TEST_CASE("drift counts from three standard errors up", "[timing_stats][timing_summary]") {
  SECTION("2.9 standard errors: not clear enough") {
    const TimingStats s = timing_stats(line_with_residuals(2.9));
    CHECK(s.drift_ms_per_min == Approx(2.9));
    CHECK(s.drift_t == Approx(2.9));
    CHECK(s.span_minutes == Approx(4.0));  // 11.6 ms in all: only the t rule says no
    CHECK_FALSE(has_drift(s));
    // Mean 0; squares sum to 2.9^2 * Sxx + RSS = 84.1 + 30 = 114.1, / 4 = 28.5, sd 5.3.
    CHECK(describe_timing(s) == "on the click on average, consistent within 5 ms, no drift");
  }
  SECTION("3.1 standard errors: dragging") {
    const TimingStats s = timing_stats(line_with_residuals(3.1));
    CHECK(s.drift_ms_per_min == Approx(3.1));
    CHECK(s.drift_t == Approx(3.1));
    CHECK(has_drift(s));
    // 3.1^2 * 10 + 30 = 126.1, / 4 = 31.5, sd 5.6.
    CHECK(describe_timing(s) ==
          "on the click on average, consistent within 6 ms, dragging by 3.1 ms per minute");
  }
  SECTION("the same the other way: rushing") {
    const TimingStats s = timing_stats(line_with_residuals(-3.1));
    CHECK(s.drift_t == Approx(-3.1));
    CHECK(describe_timing(s) ==
          "on the click on average, consistent within 6 ms, rushing by 3.1 ms per minute");
    CHECK_FALSE(has_drift(timing_stats(line_with_residuals(-2.9))));
  }
  SECTION("a clear drift too small to matter") {
    // 0.4 ms per minute with residuals a hundred times smaller: t = 40, but 1.6 ms in all.
    std::vector<TimedOffset> offsets = line_with_residuals(0.0);
    for (int i = 0; i < 5; ++i) offsets[i].offset_ms = offsets[i].offset_ms / 100.0 + 0.4 * (i - 2);
    const TimingStats s = timing_stats(offsets);
    CHECK(s.drift_t == Approx(40.0));
    CHECK_FALSE(has_drift(s));
  }
}
