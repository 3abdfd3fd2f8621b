// The player's click modes in a live session: what each decides at bar lines, in order.
#include <catch2/catch.hpp>

#include "core/ladder_tallies.hpp"
#include "live/session_click_modes.hpp"

using namespace pocket;
using namespace pocket::test;

TEST_CASE(
    "silent while tight asks for silence after its tight bars and the click back after "
    "a loose one",
    "[live][modes]") {
  Drill drill;
  drill.silent_while_tight = SilentWhileTight{2, PassRule{}};
  SessionClickModes modes(drill);
  CHECK_FALSE(modes.first_gap());
  CHECK(modes.silenced_state() == ClickState::silent_while_tight);
  CHECK_FALSE(modes.bar_closed({0, solid()}, false).silent_while_tight);
  const auto silence = modes.bar_closed({1, solid()}, false).silent_while_tight;
  REQUIRE(silence);
  CHECK(silence->kind == SilenceRequest::Kind::silence);
  const auto back = modes.bar_closed({3, shaky()}, true);
  REQUIRE(back.silent_while_tight);
  CHECK(back.silent_while_tight->kind == SilenceRequest::Kind::end_silence);
  CHECK_FALSE(back.quiet_count);
  CHECK_FALSE(back.gap_closed);
  CHECK(modes.quiet_gaps().empty());
}

TEST_CASE(
    "the quiet count silences its first gap before the click and tells each gap as it "
    "ends",
    "[live][modes]") {
  Drill drill;
  drill.quiet_count = QuietCount{2, 1, 8, PassRule{}};
  SessionClickModes modes(drill);
  CHECK(modes.silenced_state() == ClickState::quiet_count);
  const auto first = modes.first_gap();
  REQUIRE(first);
  CHECK(first->from_bar == 2);
  CHECK(first->to_bar == 3);
  CHECK_FALSE(modes.bar_closed({0, solid()}, false).gap_closed);
  CHECK_FALSE(modes.bar_closed({1, solid()}, false).gap_closed);
  const auto gap = modes.bar_closed({2, solid()}, true);
  REQUIRE(gap.gap_closed);
  CHECK(gap.gap_closed->first_bar == 2);
  CHECK(gap.gap_closed->held);
  REQUIRE(gap.quiet_count);  // the next gap, a bar longer
  CHECK(gap.quiet_count->to_bar - gap.quiet_count->from_bar == 2);
  CHECK_FALSE(gap.silent_while_tight);
  CHECK(modes.quiet_gaps().size() == 1);
}
