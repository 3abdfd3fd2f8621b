// The eight-week trend of held tempos: least squares, the standard error of its slope, and
// when it is clear.
#include <cmath>
#include <vector>

#include <catch2/catch.hpp>

#include "core/tempo_trend.hpp"
#include "held_tempi.hpp"

using namespace pocket;
using namespace pocket::test;
using std::chrono::days;
using std::chrono::sys_days;

TEST_CASE("the trend is least squares with the slope's standard error", "[tempo_trend]") {
  // Weekly: 100, 103, 101, 104 (x in weeks: -3..0): a slope of 1 BPM a week through the mean.
  const std::vector<HeldTempo> s{held(21, 100.0), held(14, 103.0), held(7, 101.0), held(0, 104.0)};
  const TempoTrend t = measure_trend(s, kToday);
  CHECK(t.sessions == 4);
  CHECK(t.span_days == 21);
  CHECK(t.mean_bpm == Approx(102.0));
  REQUIRE(t.measured());
  CHECK(*t.bpm_per_week == Approx(1.0));
  // Residuals -0.5, +1.5, -1.5, +0.5: scatter sqrt(5 / 2), over sqrt(Sxx) = sqrt(5) weeks.
  CHECK(*t.scatter_bpm == Approx(std::sqrt(2.5)));
  CHECK(*t.standard_error_per_week == Approx(std::sqrt(2.5) / std::sqrt(5.0)));
  // 1.0 is less than twice 0.71, and the line moves 3 BPM, more than 1.6 of scatter.
  CHECK(direction(t) == TrendDirection::unclear);
}

TEST_CASE("the window holds eight weeks of sessions that held a tempo", "[tempo_trend]") {
  const std::vector<HeldTempo> s{held(60, 90.0),  held(56, 100.0), none_held(30),
                                 held(28, 102.0), held(0, 104.0),  held(-3, 200.0)};
  const TempoTrend t = measure_trend(s, kToday);
  CHECK(t.sessions == 3);  // not 60 days ago, not the one that held nothing, not after today
  CHECK(t.span_days == 56);
  REQUIRE(t.measured());
  CHECK(*t.bpm_per_week == Approx(0.5));
  CHECK(*t.standard_error_per_week == Approx(0.0).margin(1e-12));
  CHECK(direction(t) == TrendDirection::rising);
}

TEST_CASE("a rate needs three sessions over two weeks", "[tempo_trend]") {
  CHECK(direction(measure_trend(std::vector{held(20, 100.0), held(0, 110.0)}, kToday)) ==
        TrendDirection::too_little);
  const std::vector<HeldTempo> week{held(13, 100.0), held(7, 105.0), held(0, 110.0)};
  CHECK_FALSE(measure_trend(week, kToday).measured());
  const std::vector<HeldTempo> two_weeks{held(14, 100.0), held(7, 105.0), held(0, 110.0)};
  CHECK(direction(measure_trend(two_weeks, kToday)) == TrendDirection::rising);
}

TEST_CASE("clear trends are more than two standard errors from level", "[tempo_trend]") {
  SECTION("falling without scatter") {
    const std::vector<HeldTempo> s{held(28, 110.0), held(14, 108.0), held(0, 106.0)};
    CHECK(direction(measure_trend(s, kToday)) == TrendDirection::falling);
  }
  SECTION("exactly level") {
    const std::vector<HeldTempo> s{held(28, 108.2), held(14, 108.2), held(0, 108.2)};
    const TempoTrend t = measure_trend(s, kToday);
    CHECK(*t.bpm_per_week == 0.0);
    CHECK(*t.scatter_bpm == 0.0);
    CHECK(direction(t) == TrendDirection::level);
  }
  SECTION("level within its scatter") {
    // A slope of 0.14 a week moves the line 0.9 BPM over six weeks: less than the 2.8 of scatter.
    const std::vector<HeldTempo> s{held(42, 104.0), held(35, 110.0), held(28, 105.0),
                                   held(21, 109.0), held(14, 106.0), held(7, 110.0),
                                   held(0, 105.0)};
    const TempoTrend t = measure_trend(s, kToday);
    CHECK(std::abs(*t.bpm_per_week) < 2.0 * *t.standard_error_per_week);
    CHECK(std::abs(*t.bpm_per_week) / 7.0 * t.span_days <= *t.scatter_bpm);
    CHECK(direction(t) == TrendDirection::level);
  }
}

TEST_CASE("the best eight weeks are the steepest clear rise in the history", "[tempo_trend]") {
  std::vector<HeldTempo> s;
  for (int week = 20; week >= 12; --week) s.push_back(held(7 * week, 100.0 + 2.0 * (20 - week)));
  for (int week = 11; week >= 0; --week) s.push_back(held(7 * week, 116.0 + 0.5 * (11 - week)));
  REQUIRE(best_rise_per_week(s));
  CHECK(*best_rise_per_week(s) == Approx(2.0));
  // Scatter alone never makes a best.
  const std::vector<HeldTempo> scattered{held(42, 104.0), held(35, 110.0), held(28, 105.0),
                                         held(21, 109.0), held(14, 106.0), held(7, 110.0),
                                         held(0, 105.0)};
  CHECK_FALSE(best_rise_per_week(scattered));
}

TEST_CASE("a level tempo has stayed near for as long as older sessions stay near it",
          "[tempo_trend]") {
  std::vector<HeldTempo> s{held(120, 90.0)};  // far below: the plateau starts after it
  for (int day = 100; day >= 0; day -= 5)
    s.push_back(held(day, 108.0 + (day % 2 == 0 ? 0.4 : -0.4)));
  const TempoTrend t = measure_trend(s, kToday);
  REQUIRE(direction(t) == TrendDirection::level);
  CHECK(days_near_level(s, t) == 100);
  CHECK(days_near_level(s, measure_trend(std::vector{held(0, 108.0)}, kToday)) == 0);
}
