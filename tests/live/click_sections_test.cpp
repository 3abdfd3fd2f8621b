// The click's sections in a live session: a pause's hold, the resume, the paused time, and
// which strokes and bars the pause keeps out.
#include <catch2/catch.hpp>

#include "live/click_sections.hpp"

using namespace pocket;
using SectionKind = ClickSections::Kind;

namespace {
// 120 BPM in 4/4 with eighths: a slot is a quarter of a second, a bar two seconds.
Grid eighths_at_120() { return Grid::constant(120.0, MeterCycle{4, 4}, 8); }
}  // namespace

TEST_CASE("a pause is counted from the hold to the resume and its bar is played again", "[live]") {
  const Grid grid = eighths_at_120();
  ClickSections sections(120.0, -1);
  CHECK(sections.started({2, 4.0, 120.0, true}) == SectionKind::hold);  // at bar 2, 4 s in
  REQUIRE(sections.held());
  CHECK(sections.held_bar() == 2);
  CHECK(sections.paused_seconds(7.0) == 3.0);  // under way
  CHECK(sections.paused_seconds(3.0) == 0.0);  // not yet begun

  // Strokes from half a slot before the held bar line on are not scored.
  CHECK_FALSE(sections.in_pause(3.8, grid));
  CHECK(sections.in_pause(3.9, grid));
  CHECK(sections.in_pause(6.0, grid));
  // Bars close up to three quarters of a slot past the held bar line at most.
  CHECK(sections.closable_until(100.0, grid) == 4.0 + 0.75 * 0.25);
  CHECK(sections.closable_until(3.0, grid) == 3.0);

  CHECK(sections.started({2, 10.0, 120.0, false}) == SectionKind::resume);
  CHECK_FALSE(sections.held());
  CHECK(sections.paused_seconds(20.0) == 6.0);
  CHECK(sections.held_seconds(20.0) == 6.0);
  CHECK(sections.waited_seconds(20.0) == 0.0);
  CHECK_FALSE(sections.in_pause(12.0, grid));
  CHECK(sections.closable_until(100.0, grid) == 100.0);
  // A stroke played in the pause but read after the click went on is still left out; from half
  // a slot before the held bar starts again it is the bar's.
  CHECK(sections.in_pause(9.8, grid));
  CHECK_FALSE(sections.in_pause(9.9, grid));
  CHECK_FALSE(sections.in_pause(3.8, grid));

  const std::vector<ClickPause> pauses = sections.pauses(20.0);
  REQUIRE(pauses.size() == 1);
  CHECK(pauses[0].bar == 2);
  CHECK(pauses[0].at_seconds == 4.0);
  CHECK(pauses[0].seconds == 6.0);
}

TEST_CASE("each pause is listed with its bar and length, the one under way too", "[live]") {
  ClickSections sections(120.0, -1);
  sections.started({3, 6.0, 120.0, true});
  sections.started({3, 8.5, 120.0, false});
  sections.started({7, 16.5, 120.0, true});
  CHECK(sections.pauses(16.0).size() == 1);  // the second hold's bar line is not reached yet
  const std::vector<ClickPause> pauses = sections.pauses(20.0);
  REQUIRE(pauses.size() == 2);
  CHECK(pauses[0].bar == 3);
  CHECK(pauses[0].seconds == 2.5);
  CHECK(pauses[1].bar == 7);
  CHECK(pauses[1].at_seconds == 16.5);
  CHECK(pauses[1].seconds == 3.5);
  CHECK(sections.paused_seconds(20.0) == 6.0);
}

TEST_CASE("a hold at the first bar line is the wait for a start hit, not a pause",
          "[live][start-on-hit]") {
  const Grid grid = eighths_at_120();
  ClickSections sections(120.0, -1);  // a bar of count-in
  CHECK(sections.started({-1, 0.0, 120.0, true}) == SectionKind::hold);
  CHECK(sections.waited_seconds(2.0) == 2.0);
  CHECK(sections.paused_seconds(2.0) == 0.0);
  CHECK(sections.held_seconds(2.0) == 2.0);
  CHECK(sections.pauses(2.0).empty());
  CHECK(sections.in_pause(1.0, grid));  // the start hit and anything before the count-in

  // The hit at 2.6 s starts the count-in a beat later.
  CHECK(sections.started({-1, 3.1, 120.0, false}) == SectionKind::resume);
  CHECK(sections.waited_seconds(10.0) == 3.1);
  CHECK(sections.held_seconds(10.0) == 3.1);
  CHECK(sections.paused_seconds(10.0) == 0.0);
  CHECK(sections.pauses(10.0).empty());
  CHECK(sections.in_pause(2.6, grid));
  CHECK_FALSE(sections.in_pause(3.1, grid));
  // A later pause is a pause.
  sections.started({1, 7.1, 120.0, true});
  CHECK(sections.paused_seconds(8.1) == 1.0);
  CHECK(sections.waited_seconds(8.1) == 3.1);
  CHECK(sections.pauses(8.1).size() == 1);
}

TEST_CASE("the tempi the click played are kept from its sections", "[live]") {
  ClickSections sections(100.0, -1);
  CHECK(sections.started({4, 9.6, 103.0, false}) == SectionKind::tempo);
  CHECK(sections.started({8, 18.9, 97.0, false}) == SectionKind::tempo);
  CHECK(sections.started({9, 21.0, 97.0, true}) == SectionKind::hold);  // a hold plays no tempo
  CHECK(sections.lowest_bpm() == 97.0);
  CHECK(sections.highest_bpm() == 103.0);
  CHECK(sections.paused_seconds(30.0) == 9.0);
}
