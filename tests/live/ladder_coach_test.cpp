// The ladder's coach in a live session: when a step ends, the next tempo and its bar line;
// a change that came late moves the step; at the end, the steps and the verdict.
#include <catch2/catch.hpp>

#include "core/ladder_tallies.hpp"
#include "live/ladder_coach.hpp"

using namespace pocket;
using namespace pocket::test;

namespace {
LadderConfig two_bar_steps() {
  LadderConfig c;
  c.start_bpm = 100.0;
  c.target_bpm = 109.0;
  c.step = {false, 3.0};
  c.bars_per_step = 2;
  return c;
}
}  // namespace

TEST_CASE("the coach starts the next step on the bar line after the next", "[live][coach]") {
  LadderCoach coach(two_bar_steps());
  REQUIRE(coach.active());
  CHECK(coach.first_bpm(120.0) == 100.0);
  CHECK_FALSE(coach.bar_closed({0, solid()}));
  REQUIRE(coach.progress());
  CHECK(coach.progress()->bars_played == 1);

  const auto end = coach.bar_closed({1, solid()});
  REQUIRE(end);
  CHECK_FALSE(end->ladder_over);
  CHECK(end->next_from_bar == 3);  // bar 2 already plays: the coach's thinking time
  CHECK(end->next_bpm == 103.0);
  CHECK(end->step.index == 0);
  CHECK(end->step.first_bar == 0);
  CHECK(end->step.step.check.passed);

  // Bar 2 is not part of a step; the tempo came a bar late, so the step starts at bar 4.
  CHECK_FALSE(coach.bar_closed({2, solid()}));
  coach.section_started(4);
  CHECK_FALSE(coach.bar_closed({3, solid()}));
  CHECK_FALSE(coach.bar_closed({4, solid()}));
  const auto second = coach.bar_closed({5, solid()});
  REQUIRE(second);
  CHECK(second->step.first_bar == 4);
  CHECK(second->step.step.bpm == 103.0);
}

TEST_CASE("the coach ends the ladder and gives its steps and verdict", "[live][coach]") {
  LadderConfig config = two_bar_steps();
  config.stop_after_fails = 1;
  LadderCoach coach(config);
  coach.bar_closed({0, shaky()});
  const auto end = coach.bar_closed({1, shaky()});
  REQUIRE(end);
  CHECK(end->ladder_over);
  CHECK_FALSE(end->step.step.check.passed);
  CHECK_FALSE(coach.progress());

  LiveResult result;
  coach.finish(result);
  REQUIRE(result.steps.size() == 1);
  CHECK(result.step_first_bars == std::vector<std::int64_t>{0});
  CHECK(result.verdict);
  CHECK(result.ceiling_bpm);
}

TEST_CASE("without a ladder the coach keeps out of the way", "[live][coach]") {
  LadderCoach coach(std::nullopt);
  CHECK_FALSE(coach.active());
  CHECK(coach.first_bpm(120.0) == 120.0);
  coach.section_started(4);
  CHECK_FALSE(coach.bar_closed({0, solid()}));
  CHECK_FALSE(coach.progress());
  LiveResult result;
  coach.finish(result);
  CHECK(result.steps.empty());
  CHECK(result.step_first_bars.empty());
  CHECK_FALSE(result.verdict);
  CHECK_FALSE(result.ceiling_bpm);
}
