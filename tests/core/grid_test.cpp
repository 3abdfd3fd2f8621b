#include <catch2/catch.hpp>

#include "core/grid.hpp"

using namespace pocket;

TEST_CASE("a constant grid places slots evenly from its start", "[grid]") {
  const Grid grid = Grid::constant(120.0, {4, 4}, 16, 1.5);
  CHECK(grid.seconds_of(0) == Approx(1.5));
  CHECK(grid.seconds_of(4) == Approx(2.0));  // one beat at 120 BPM
  CHECK(grid.slot_seconds(7) == Approx(0.125));
  CHECK(grid.nearest_slot(1.5 + 0.125 * 3 + 0.06) == 3);
  CHECK(grid.nearest_slot(1.5 + 0.125 * 3 + 0.07) == 4);
  CHECK(grid.nearest_slot(1.0) == -4);
  CHECK(grid.slots_in_bar(0) == 16);
}

TEST_CASE("the tempo counts the meter's unit", "[grid]") {
  // 6/8 at 180: eighths a third of a second apart, bars of 6 eighths.
  const Grid grid = Grid::constant(180.0, {6, 8}, 8);
  CHECK(grid.seconds_of(1) == Approx(1.0 / 3.0));
  CHECK(grid.slots_in_bar(0) == 6);
  CHECK(grid.bar_of(6) == 1);
  CHECK(grid.bar_of(-1) == -1);
  CHECK(grid.position_of(-1) == 5);
}

TEST_CASE("a tempo change moves the slots that follow it", "[grid]") {
  // 120 BPM for 16 slots (one bar), then 60 BPM.
  const Grid grid({{0.0, 0.0, 0.125}, {16.0, 2.0, 0.25}}, {4, 4}, 16);
  CHECK(grid.seconds_of(16) == Approx(2.0));
  CHECK(grid.seconds_of(20) == Approx(3.0));
  CHECK(grid.nearest_slot(2.9) == 20);
  CHECK(grid.nearest_slot(1.9) == 15);
  CHECK(grid.slot_seconds(20) == Approx(0.25));
}

TEST_CASE("positions have musicians' names", "[grid]") {
  const Grid sixteenths = Grid::constant(100.0, {4, 4}, 16);
  CHECK(sixteenths.position_label(0) == "1");
  CHECK(sixteenths.position_label(1) == "1e");
  CHECK(sixteenths.position_label(2) == "1&");
  CHECK(sixteenths.position_label(3) == "1a");
  CHECK(sixteenths.position_label(4) == "2");
  CHECK(sixteenths.on_beat(4));
  CHECK_FALSE(sixteenths.on_beat(6));
  const Grid triplets = Grid::constant(100.0, {4, 4}, 12);
  CHECK(triplets.position_label(1) == "1t");
  CHECK(triplets.position_label(5) == "2l");
  CHECK(Grid::constant(100.0, {4, 4}, 8).position_label(3) == "2&");
  CHECK(Grid::constant(100.0, {4, 4}, 24).position_label(1) == "1.2");
}

TEST_CASE("bad grids are refused", "[grid]") {
  CHECK_THROWS_WITH(Grid::constant(100.0, {4, 4}, 0), Catch::Contains("grid 0"));
  CHECK_THROWS_WITH(Grid::constant(100.0, {4, 4}, 65), Catch::Contains("grid 65"));
  CHECK_THROWS(Grid({{0.0, 0.0, 0.1}, {0.0, 1.0, 0.1}}, {4, 4}, 16));
  CHECK_THROWS(Grid({{0.0, 0.0, 0.0}}, {4, 4}, 16));
}

TEST_CASE("a grid must divide the bar evenly", "[grid]") {
  CHECK_THROWS_WITH(
      Grid::constant(200.0, {7, 8}, 4),
      Catch::Contains("does not divide a bar of 7/8") && Catch::Contains("multiple of 8"));
  CHECK_NOTHROW(Grid::constant(200.0, {7, 8}, 8));
  CHECK_NOTHROW(Grid::constant(200.0, {6, 8}, 4));  // dotted quarters: 3 slots a bar
}
