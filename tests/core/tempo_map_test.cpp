#include <catch2/catch.hpp>

#include "core/tempo_map.hpp"

using pocket::TempoMap;
using pocket::TempoSection;

TEST_CASE("a constant tempo places beats 60/bpm seconds apart", "[tempo_map]") {
  const TempoMap map({{{4, 4}, 10, 120.0, 120.0}});
  CHECK(map.seconds_at(0, 0.0) == 0.0);
  CHECK(map.seconds_at(0, 1.0) == Approx(0.5));
  CHECK(map.seconds_at(1, 0.0) == Approx(2.0));
  CHECK(map.seconds_at(3, 2.5) == Approx(7.25));
  CHECK(map.total_seconds() == Approx(20.0));
  CHECK(map.total_bars() == 10);
}

TEST_CASE("sections follow one another with their own meters", "[tempo_map]") {
  const TempoMap map({{{4, 4}, 2, 120.0, 120.0}, {{7, 8}, 3, 210.0, 210.0}});
  CHECK(map.meter_of(1) == pocket::Meter{4, 4});
  CHECK(map.meter_of(2) == pocket::Meter{7, 8});
  CHECK(map.seconds_at(2, 0.0) == Approx(4.0));
  // 7 eighths at 210 per minute: 2 s a bar.
  CHECK(map.seconds_at(4, 0.0) == Approx(8.0));
  CHECK(map.total_seconds() == Approx(10.0));
}

TEST_CASE("a ramp raises the tempo by the same amount every beat", "[tempo_map]") {
  const TempoMap map({{{4, 4}, 4, 100.0, 140.0}});
  CHECK(map.bpm_at(0, 0.0) == Approx(100.0));
  CHECK(map.bpm_at(2, 0.0) == Approx(120.0));
  CHECK(map.bpm_at(4, 0.0) == Approx(140.0));
  // Between two close beats the gap matches the local tempo.
  const double gap = map.seconds_at(2, 0.001) - map.seconds_at(2, 0.0);
  CHECK(gap == Approx(0.001 * 60.0 / 120.0).epsilon(1e-4));
  // A ramp is faster than its start tempo and slower than its end tempo.
  CHECK(map.total_seconds() < 16 * 60.0 / 100.0);
  CHECK(map.total_seconds() > 16 * 60.0 / 140.0);
}

TEST_CASE("out-of-range tempos and empty sections are refused", "[tempo_map]") {
  using Catch::Contains;
  CHECK_THROWS_WITH(TempoMap({{{4, 4}, 1, 0.0, 0.0}}),
                    Contains("tempo 0 BPM") && Contains("20 to 400"));
  CHECK_THROWS_WITH(TempoMap({{{4, 4}, 1, 10000.0, 10000.0}}), Contains("10000 BPM"));
  CHECK_THROWS_WITH(TempoMap({{{4, 4}, 1, 120.0, 401.0}}), Contains("401 BPM"));
  CHECK_THROWS_WITH(TempoMap({{{4, 4}, 0, 120.0, 120.0}}), Contains("needs at least 1"));
  CHECK_THROWS_WITH(TempoMap({{{4, 0}, 1, 120.0, 120.0}}), Contains("beat unit"));
  CHECK_THROWS(TempoMap(std::vector<TempoSection>{}));
  CHECK_NOTHROW(TempoMap({{{4, 4}, 1, 20.0, 400.0}}));
}
