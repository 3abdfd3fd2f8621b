#include <catch2/catch.hpp>

#include "core/tempo_ladder.hpp"
#include "ladder_tallies.hpp"

using namespace pocket;
using namespace pocket::test;
using Catch::Contains;

namespace {

LadderConfig config(double from, double to) {
  LadderConfig c;
  c.start_bpm = from;
  c.target_bpm = to;
  c.step = {true, 3.0};
  c.bars_per_step = 2;
  return c;
}

}  // namespace

TEST_CASE("the pass rule checks the share of slots within 25 ms, then the SD", "[coach]") {
  CHECK(check_rule({}, solid()).passed);
  RuleCheck check = check_rule({}, shaky());
  CHECK_FALSE(check.passed);
  CHECK(check.statistic == "slots within 25 ms");
  // 16 hits within 25 ms but 4 slots missed: 80 % of 20 slots.
  check = check_rule({}, bar(0.0, 5.0, 4));
  CHECK_FALSE(check.passed);
  CHECK(check.value == Approx(0.8));
  // All within 25 ms, but spread +-20 ms: SD above 18.
  check = check_rule({}, bar(0.0, 20.0));
  CHECK_FALSE(check.passed);
  CHECK(check.statistic == "SD");
  CHECK(check_rule({0.85, 25.0}, bar(0.0, 20.0)).passed);
}

TEST_CASE("tempo steps parse as percent or BPM", "[coach]") {
  CHECK(parse_tempo_step("3%").percent);
  CHECK(parse_tempo_step("3%").next(100.0) == Approx(103.0));
  CHECK_FALSE(parse_tempo_step("4").percent);
  CHECK(parse_tempo_step("4").next(100.0) == Approx(104.0));
  CHECK(parse_tempo_step("2.5%").amount == Approx(2.5));
  CHECK_THROWS_WITH(parse_tempo_step("fast"), Contains("3%"));
  CHECK_THROWS(parse_tempo_step("0"));
  CHECK_THROWS(parse_tempo_step("-3%"));
  CHECK_THROWS(parse_tempo_step("80%"));
}

TEST_CASE("the ladder climbs only after solid steps, at bar lines", "[coach]") {
  TempoLadder ladder(config(100.0, 110.0));
  CHECK(ladder.bpm() == 100.0);
  CHECK_FALSE(ladder.add_bar(solid()));  // first bar of the step: no decision yet
  CHECK(ladder.bpm() == 100.0);
  CHECK(ladder.add_bar(solid()));
  CHECK(ladder.bpm() == 103.0);
  ladder.add_bar(solid());
  ladder.add_bar(solid());
  CHECK(ladder.bpm() == Approx(106.1));  // 103 * 1.03, to one decimal
  ladder.add_bar(solid());
  ladder.add_bar(solid());
  CHECK(ladder.bpm() == Approx(109.3));
  ladder.add_bar(solid());
  ladder.add_bar(solid());
  CHECK(ladder.bpm() == 110.0);  // never past the target
  CHECK_FALSE(ladder.finished());
  ladder.add_bar(solid());
  ladder.add_bar(solid());
  CHECK(ladder.finished());
  CHECK(ladder.steps().size() == 5);
  const LimitVerdict v = ladder.verdict();
  CHECK(v.kind == VerdictKind::target_reached);
  CHECK(v.best_passed_bpm == 110.0);
  CHECK_THAT(v.message, Contains("110 BPM"));
}

TEST_CASE("a failed step is repeated, and enough fails make a real limit", "[coach]") {
  LadderConfig c = config(100.0, 140.0);
  c.stop_after_fails = 2;
  TempoLadder ladder(c);
  ladder.add_bar(solid());
  ladder.add_bar(solid());  // 100 passes
  ladder.add_bar(shaky());
  ladder.add_bar(shaky());  // 103 fails once: repeat
  CHECK(ladder.bpm() == 103.0);
  CHECK_FALSE(ladder.finished());
  ladder.add_bar(shaky());
  ladder.add_bar(shaky());  // fails again: the limit
  CHECK(ladder.finished());
  CHECK_FALSE(ladder.add_bar(solid()));  // nothing after the end
  const LimitVerdict v = ladder.verdict();
  CHECK(v.kind == VerdictKind::real_limit);
  CHECK(v.last_bpm == 103.0);
  CHECK(v.best_passed_bpm == 100.0);
  CHECK_THAT(v.message, Contains("real limit at 103 BPM") && Contains("within 25 ms") &&
                            Contains("solid up to 100 BPM"));
}

TEST_CASE("step back goes down to the last solid tempo after a fail", "[coach]") {
  LadderConfig c = config(100.0, 140.0);
  c.on_fail = FailPolicy::step_back;
  c.stop_after_fails = 3;
  TempoLadder ladder(c);
  ladder.add_bar(solid());
  ladder.add_bar(solid());
  ladder.add_bar(solid());
  ladder.add_bar(solid());  // 100, 103 pass
  CHECK(ladder.bpm() == Approx(106.1));
  ladder.add_bar(bar(0.0, 20.0));
  ladder.add_bar(bar(0.0, 20.0));  // SD breaks at 106.1
  CHECK(ladder.bpm() == 103.0);
  CHECK(ladder.steps().back().check.statistic == "SD");
}

TEST_CASE("stopping while still solid is not a limit", "[coach]") {
  TempoLadder ladder(config(140.0, 180.0));
  for (int i = 0; i < 6; ++i) ladder.add_bar(solid());
  ladder.add_bar(solid());  // half of the next step
  ladder.stop();
  CHECK(ladder.finished());
  REQUIRE(ladder.steps().size() == 4);
  CHECK_FALSE(ladder.steps().back().complete);
  const LimitVerdict v = ladder.verdict();
  CHECK(v.kind == VerdictKind::stopped_early);
  CHECK(v.last_bpm == Approx(148.5));
  CHECK_THAT(v.message, Contains("stopped early") && Contains("148.5 BPM") && Contains("further"));
}

TEST_CASE("stopping in the middle of a step that is falling apart is a real limit", "[coach]") {
  TempoLadder ladder(config(140.0, 180.0));
  ladder.add_bar(solid());
  ladder.add_bar(solid());
  ladder.add_bar(shaky());
  ladder.stop();
  CHECK(ladder.verdict().kind == VerdictKind::real_limit);
  CHECK(ladder.verdict().last_bpm == 144.2);
}

TEST_CASE("the healthy pace caps today's climb above the consolidated tempo", "[coach]") {
  LadderConfig c = config(120.0, 160.0);
  c.consolidated_bpm = 124.0;
  c.max_increase_percent = 5.0;
  TempoLadder ladder(c);
  CHECK(ladder.ceiling_bpm() == Approx(130.2));
  while (!ladder.finished()) ladder.add_bar(solid());
  CHECK(ladder.steps().back().bpm == Approx(130.2));
  const LimitVerdict v = ladder.verdict();
  CHECK(v.kind == VerdictKind::pace_cap_reached);
  CHECK_THAT(v.message, Contains("healthy-pace") && Contains("124 BPM"));

  const SessionSuggestion next = suggest_next_session(130.2);
  CHECK(next.start_bpm == Approx(126.3));
  CHECK(next.max_bpm == Approx(136.7));
}

TEST_CASE("a ladder that never played says so", "[coach]") {
  TempoLadder ladder(config(100.0, 120.0));
  ladder.stop();
  CHECK(ladder.verdict().kind == VerdictKind::no_steps);
}

TEST_CASE("bad ladder settings are refused", "[coach]") {
  CHECK_THROWS_WITH(TempoLadder(config(140.0, 120.0)), Contains("below the start"));
  CHECK_THROWS_WITH(TempoLadder(config(10.0, 120.0)), Contains("out of range"));
  LadderConfig c = config(100.0, 120.0);
  c.bars_per_step = 0;
  CHECK_THROWS_WITH(TempoLadder(c), Contains("at least 1 bar"));
}

TEST_CASE("a step too small to raise the rounded tempo is refused", "[coach]") {
  LadderConfig c = config(100.0, 120.0);
  c.step = {false, 0.04};
  CHECK_THROWS_WITH(TempoLadder(c), Contains("too small"));
  c.step = {true, 0.01};
  CHECK_THROWS_WITH(TempoLadder(c), Contains("too small"));
  c.step = {false, 0.1};
  CHECK_NOTHROW(TempoLadder(c));
}
