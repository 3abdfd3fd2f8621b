#include <catch2/catch.hpp>

#include "core/meter.hpp"

using pocket::Meter;
using pocket::parse_meter;

TEST_CASE("meters parse from BEATS/UNIT", "[meter]") {
  CHECK(parse_meter("4/4") == Meter{4, 4});
  CHECK(parse_meter("5/4") == Meter{5, 4});
  CHECK(parse_meter("7/8") == Meter{7, 8});
  CHECK(parse_meter("6/8") == Meter{6, 8});
  CHECK(parse_meter("12/8") == Meter{12, 8});
  CHECK(pocket::to_string(Meter{12, 8}) == "12/8");
}

TEST_CASE("malformed meters say what is wrong", "[meter]") {
  CHECK_THROWS_WITH(parse_meter("4/0"), Catch::Contains("beat unit must be 1, 2, 4, 8, 16 or 32"));
  CHECK_THROWS_WITH(parse_meter("4/3"), Catch::Contains("beat unit"));
  CHECK_THROWS_WITH(parse_meter("0/4"), Catch::Contains("1 to 32 beats"));
  CHECK_THROWS_WITH(parse_meter("4"), Catch::Contains("BEATS/UNIT"));
  CHECK_THROWS_WITH(parse_meter("4/4x"), Catch::Contains("BEATS/UNIT"));
  CHECK_THROWS_WITH(parse_meter(""), Catch::Contains("BEATS/UNIT"));
}
