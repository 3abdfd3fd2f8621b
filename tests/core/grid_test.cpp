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
}

TEST_CASE("7/8 at 200 BPM in eighths: a slot is an eighth of 0.3 s, 7 to a bar", "[grid]") {
  // 200 eighths a minute: 60 / 200 = 0.3 s each; a bar is 7 x 0.3 = 2.1 s.
  const Grid grid = Grid::constant(200.0, {7, 8}, 8);
  CHECK(Grid::seconds_per_slot(200.0, {7, 8}, 8) == Approx(0.3));
  CHECK(grid.slots_in_bar(0) == 7);
  CHECK(grid.positions() == 7);
  CHECK(grid.seconds_of(1) == Approx(0.3));
  CHECK(grid.seconds_of(7) == Approx(2.1));   // bar 1
  CHECK(grid.seconds_of(20) == Approx(6.0));  // bar 2, its seventh eighth
  CHECK(grid.first_slot_of_bar(3) == 21);
  CHECK(grid.bar_of(6) == 0);
  CHECK(grid.bar_of(7) == 1);
  CHECK(grid.bar_of(13) == 1);
  CHECK(grid.bar_of(14) == 2);
  CHECK(grid.position_of(13) == 6);
  CHECK(grid.position_of(14) == 0);
  CHECK(grid.position_label(6) == "7");
  CHECK(grid.on_beat(6));                     // every eighth is a beat of 7/8
  CHECK(grid.nearest_slot(2.1 + 0.14) == 7);  // under half an eighth (0.15 s) late
  CHECK(grid.nearest_slot(2.1 + 0.16) == 8);
}

TEST_CASE("6/8 at 200 BPM in quarters: a slot is two eighths, 3 to a bar", "[grid]") {
  // The grid counts slots per whole note: 4 is quarter notes, 0.6 s at 200 eighths a minute.
  // A bar of 6/8 (1.8 s) holds three of them. Its beats, dotted quarters, are 8/3 to a whole:
  // no whole number of slots per whole note gives them.
  const Grid grid = Grid::constant(200.0, {6, 8}, 4);
  CHECK(grid.slots_in_bar(0) == 3);
  CHECK(grid.seconds_of(1) == Approx(0.6));
  CHECK(grid.seconds_of(3) == Approx(1.8));  // bar 1
  CHECK(grid.seconds_of(7) == Approx(4.2));
  CHECK(grid.bar_of(2) == 0);
  CHECK(grid.bar_of(3) == 1);
  CHECK(grid.bar_of(8) == 2);
  CHECK(grid.position_of(5) == 2);
  CHECK(grid.position_of(6) == 0);
  CHECK(grid.position_label(1) == "slot 2");  // a quarter is no subdivision of an eighth
  CHECK(grid.nearest_slot(1.8 - 0.29) == 3);
  CHECK(grid.nearest_slot(1.8 - 0.31) == 2);
}

TEST_CASE("a time half-way between two slots belongs to the later one", "[grid]") {
  // Quarters at 120 BPM: 0.5 s apart, slot 0 at 1 s.
  const Grid grid = Grid::constant(120.0, {4, 4}, 4, 1.0);
  CHECK(grid.nearest_slot(1.25) == 1);
  CHECK(grid.nearest_slot(0.75) == 0);  // before slot 0 the same way
  CHECK(grid.nearest_slot(0.25) == -1);
}
