#include <limits>

#include <catch2/catch.hpp>

#include "core/tempo_text.hpp"

using namespace pocket;

TEST_CASE("tempi read with one rounding, at most one decimal", "[tempo_text]") {
  CHECK(format_one_decimal(152.0) == "152");
  CHECK(format_one_decimal(152.46) == "152.5");
  CHECK(format_one_decimal(-0.01) == "0");
  CHECK(format_bpm(113.372) == "113.4 BPM");
  CHECK(format_bpm(135.07) == "135.1 BPM");
  CHECK(format_bpm(160.0) == "160 BPM");
  CHECK(format_bpm(std::numeric_limits<double>::quiet_NaN()) == "0 BPM");
}

TEST_CASE("weekly changes always show one decimal", "[tempo_text]") {
  CHECK(format_bpm_change(1.54) == "+1.5");
  CHECK(format_bpm_change(-0.71) == "-0.7");
  CHECK(format_bpm_change(-0.01) == "+0.0");
  CHECK(format_bpm_change(-1.25, false) == "1.3");
  CHECK(format_bpm_change(2.0, false) == "2.0");
}
