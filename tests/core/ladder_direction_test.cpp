#include <random>
#include <utility>
#include <vector>

#include <catch2/catch.hpp>

#include "core/tempo_ladder.hpp"
#include "ladder_tallies.hpp"

using namespace pocket;
using namespace pocket::test;
using Catch::Contains;

namespace {

Tally spread() { return bar(0.0, 20.0); }  // all within 25 ms, SD above 18 ms

LadderConfig config(LadderDirection direction, double from, double to, TempoStep step) {
  LadderConfig c;
  c.direction = direction;
  c.start_bpm = from;
  c.target_bpm = to;
  c.step = step;
  c.bars_per_step = 2;
  return c;
}

constexpr TempoStep k4Bpm{false, 4.0};
constexpr TempoStep k3Percent{true, 3.0};

// Plays one whole step of identical bars.
void play(TempoLadder& ladder, const Tally& each_bar) {
  for (int i = 0; i < ladder.config().bars_per_step; ++i) ladder.add_bar(each_bar);
}

std::vector<double> tempos(const TempoLadder& ladder) {
  std::vector<double> bpm;
  for (const StepResult& s : ladder.steps()) bpm.push_back(s.bpm);
  return bpm;
}

std::vector<bool> descending(const TempoLadder& ladder) {
  std::vector<bool> flags;
  for (const StepResult& s : ladder.steps()) flags.push_back(s.descending);
  return flags;
}

// The healthy-pace ceiling holds for every step of every ladder.
void check_under_ceiling(const TempoLadder& ladder) {
  for (const StepResult& s : ladder.steps()) CHECK(s.bpm <= ladder.ceiling_bpm());
}

}  // namespace

TEST_CASE("ladder directions read and print as up, down and up-down", "[coach]") {
  for (const LadderDirection d :
       {LadderDirection::up, LadderDirection::down, LadderDirection::up_down}) {
    CHECK(parse_ladder_direction(to_string(d)) == d);
  }
  CHECK(to_string(LadderDirection::up_down) == "up-down");
  CHECK_THROWS_WITH(parse_ladder_direction("sideways"),
                    Contains("up") && Contains("down") && Contains("up-down"));
  CHECK_THROWS(parse_ladder_direction("Up"));
  CHECK(LadderConfig{}.direction == LadderDirection::up);
}

TEST_CASE("a down ladder slows one step after each solid step and ends at the target", "[coach]") {
  TempoLadder ladder(config(LadderDirection::down, 60.0, 50.0, k4Bpm));
  CHECK(ladder.ceiling_bpm() == 60.0);
  while (!ladder.finished()) play(ladder, solid());
  CHECK(tempos(ladder) == std::vector<double>{60.0, 56.0, 52.0, 50.0});  // never below 50
  CHECK(descending(ladder) == std::vector<bool>{true, true, true, true});
  const LimitVerdict v = ladder.verdict();
  CHECK(v.kind == VerdictKind::target_reached);
  CHECK(v.best_passed_bpm == 50.0);
  CHECK(v.last_bpm == 50.0);
  CHECK_THAT(v.message, Contains("reached the target: 50 BPM held (100% of slots within 25 ms"));
  check_under_ceiling(ladder);
}

TEST_CASE("a percent step down divides the tempo, to one decimal", "[coach]") {
  TempoLadder ladder(config(LadderDirection::down, 100.0, 90.0, k3Percent));
  while (!ladder.finished()) play(ladder, solid());
  // 100 / 1.03 = 97.09, 97.1 / 1.03 = 94.27, 94.3 / 1.03 = 91.55, then 88.9 is below 90.
  CHECK(tempos(ladder) == std::vector<double>{100.0, 97.1, 94.3, 91.6, 90.0});
  check_under_ceiling(ladder);
}

TEST_CASE("a down ladder repeats a failed step and two fails make a real limit", "[coach]") {
  TempoLadder ladder(config(LadderDirection::down, 60.0, 40.0, k4Bpm));
  play(ladder, solid());  // 60
  play(ladder, solid());  // 56
  play(ladder, shaky());  // 52 fails: repeat
  CHECK(ladder.bpm() == 52.0);
  CHECK_FALSE(ladder.finished());
  play(ladder, shaky());
  CHECK(ladder.finished());
  CHECK(tempos(ladder) == std::vector<double>{60.0, 56.0, 52.0, 52.0});
  const LimitVerdict v = ladder.verdict();
  CHECK(v.kind == VerdictKind::real_limit);
  CHECK(v.last_bpm == 52.0);
  CHECK(v.best_passed_bpm == 56.0);  // the slowest tempo that held
  CHECK_THAT(v.message, Contains("real limit at 52 BPM on the way down: only 0% of slots") &&
                            Contains("solid down to 56 BPM"));
  check_under_ceiling(ladder);
}

TEST_CASE("step back on a down ladder returns to the previous, faster tempo", "[coach]") {
  LadderConfig c = config(LadderDirection::down, 60.0, 40.0, k4Bpm);
  c.on_fail = FailPolicy::step_back;
  c.stop_after_fails = 3;
  TempoLadder ladder(c);
  play(ladder, solid());   // 60
  play(ladder, solid());   // 56
  play(ladder, spread());  // 52: the SD breaks
  CHECK(ladder.bpm() == 56.0);
  play(ladder, solid());  // 56 again
  CHECK(ladder.bpm() == 52.0);
  play(ladder, solid());  // 52 holds this time
  CHECK(ladder.bpm() == 48.0);
  CHECK(ladder.steps()[2].check.statistic == "SD");
  CHECK(tempos(ladder) == std::vector<double>{60.0, 56.0, 52.0, 56.0, 52.0});
  check_under_ceiling(ladder);
}

TEST_CASE("a down ladder stops after the set number of failed steps", "[coach]") {
  LadderConfig c = config(LadderDirection::down, 60.0, 40.0, k4Bpm);
  c.stop_after_fails = 1;
  TempoLadder ladder(c);
  play(ladder, solid());
  play(ladder, shaky());
  CHECK(ladder.finished());
  CHECK(ladder.steps().size() == 2);
  CHECK(ladder.verdict().kind == VerdictKind::real_limit);
  CHECK(ladder.verdict().last_bpm == 56.0);
}

TEST_CASE("stopping a down ladder while still solid is not a limit", "[coach]") {
  TempoLadder ladder(config(LadderDirection::down, 60.0, 40.0, k4Bpm));
  play(ladder, solid());
  play(ladder, solid());
  ladder.add_bar(solid());  // half of the 52 BPM step
  ladder.stop();
  const LimitVerdict v = ladder.verdict();
  CHECK(v.kind == VerdictKind::stopped_early);
  CHECK(v.last_bpm == 56.0);
  CHECK_THAT(v.message, Contains("stopped early") && Contains("56 BPM"));
}

TEST_CASE("a down ladder starting above the healthy-pace ceiling starts at the ceiling",
          "[coach]") {
  LadderConfig c = config(LadderDirection::down, 120.0, 90.0, k4Bpm);
  c.consolidated_bpm = 100.0;
  c.max_increase_percent = 5.0;
  TempoLadder ladder(c);
  CHECK(ladder.ceiling_bpm() == 105.0);
  CHECK(ladder.bpm() == 105.0);
  while (!ladder.finished()) play(ladder, solid());
  CHECK(tempos(ladder) == std::vector<double>{105.0, 101.0, 97.0, 93.0, 90.0});
  CHECK(ladder.verdict().kind == VerdictKind::target_reached);
  check_under_ceiling(ladder);
}

TEST_CASE("a down ladder lying wholly above the ceiling runs one step at the ceiling", "[coach]") {
  LadderConfig c = config(LadderDirection::down, 100.0, 80.0, k4Bpm);
  c.consolidated_bpm = 60.0;
  TempoLadder ladder(c);
  CHECK(ladder.ceiling_bpm() == 63.0);
  play(ladder, solid());
  CHECK(ladder.finished());
  CHECK(tempos(ladder) == std::vector<double>{63.0});
  const LimitVerdict v = ladder.verdict();
  CHECK(v.kind == VerdictKind::pace_cap_reached);
  CHECK_THAT(v.message, Contains("held 63 BPM") && Contains("100 down to 80 BPM") &&
                            Contains("consolidated 60 BPM"));
  check_under_ceiling(ladder);
}

TEST_CASE("an up-down ladder climbs to the target and comes back through the tempos that held",
          "[coach]") {
  TempoLadder ladder(config(LadderDirection::up_down, 100.0, 110.0, k3Percent));
  CHECK(ladder.ceiling_bpm() == 110.0);
  while (!ladder.finished()) play(ladder, solid());
  CHECK(tempos(ladder) ==
        std::vector<double>{100.0, 103.0, 106.1, 109.3, 110.0, 109.3, 106.1, 103.0, 100.0});
  CHECK(descending(ladder) ==
        std::vector<bool>{false, false, false, false, false, true, true, true, true});
  const LimitVerdict v = ladder.verdict();
  CHECK(v.kind == VerdictKind::target_reached);
  CHECK(v.best_passed_bpm == 110.0);
  CHECK(v.last_bpm == 110.0);
  CHECK_THAT(
      v.message,
      Contains("reached the target: 110 BPM held") &&
          Contains("On the way down every tempo held, from 109.3 back to the start at 100 BPM"));
  check_under_ceiling(ladder);
}

TEST_CASE("an up-down ladder turns at the healthy-pace ceiling", "[coach]") {
  LadderConfig c = config(LadderDirection::up_down, 120.0, 160.0, k3Percent);
  c.consolidated_bpm = 124.0;
  TempoLadder ladder(c);
  CHECK(ladder.ceiling_bpm() == 130.2);
  while (!ladder.finished()) play(ladder, solid());
  CHECK(tempos(ladder) == std::vector<double>{120.0, 123.6, 127.3, 130.2, 127.3, 123.6, 120.0});
  const LimitVerdict v = ladder.verdict();
  CHECK(v.kind == VerdictKind::pace_cap_reached);
  CHECK_THAT(v.message, Contains("healthy-pace ceiling") && Contains("124 BPM") &&
                            Contains("back to the start at 120 BPM"));
  check_under_ceiling(ladder);
}

TEST_CASE("an up-down ladder turns where failed steps end the climb", "[coach]") {
  SECTION("repeat: the way down starts below the tempo that failed") {
    TempoLadder ladder(config(LadderDirection::up_down, 100.0, 140.0, k3Percent));
    play(ladder, solid());  // 100
    play(ladder, solid());  // 103
    play(ladder, shaky());  // 106.1 fails
    play(ladder, shaky());  // and again: the climb ends, the way down starts
    CHECK_FALSE(ladder.finished());
    CHECK(ladder.bpm() == 103.0);
    play(ladder, solid());
    play(ladder, solid());
    CHECK(ladder.finished());
    CHECK(tempos(ladder) == std::vector<double>{100.0, 103.0, 106.1, 106.1, 103.0, 100.0});
    const LimitVerdict v = ladder.verdict();
    CHECK(v.kind == VerdictKind::real_limit);
    CHECK(v.last_bpm == 106.1);
    CHECK(v.best_passed_bpm == 103.0);
    CHECK_THAT(v.message, Contains("real limit at 106.1 BPM") &&
                              Contains("every tempo held, from 103 back to the start at 100 BPM"));
    check_under_ceiling(ladder);
  }
  SECTION("step back: a tempo that held twice is played once on the way down") {
    LadderConfig c = config(LadderDirection::up_down, 100.0, 140.0, k3Percent);
    c.on_fail = FailPolicy::step_back;
    TempoLadder ladder(c);
    play(ladder, solid());   // 100
    play(ladder, solid());   // 103
    play(ladder, spread());  // 106.1 fails: back to 103
    play(ladder, solid());   // 103
    play(ladder, spread());  // 106.1 fails again: turn
    while (!ladder.finished()) play(ladder, solid());
    CHECK(tempos(ladder) == std::vector<double>{100.0, 103.0, 106.1, 103.0, 106.1, 103.0, 100.0});
    CHECK(descending(ladder) == std::vector<bool>{false, false, false, false, false, true, true});
    check_under_ceiling(ladder);
  }
}

TEST_CASE("an up-down ladder with nothing held on the way up has no way down", "[coach]") {
  TempoLadder ladder(config(LadderDirection::up_down, 100.0, 140.0, k3Percent));
  play(ladder, shaky());
  play(ladder, shaky());
  CHECK(ladder.finished());
  CHECK(tempos(ladder) == std::vector<double>{100.0, 100.0});
  const LimitVerdict v = ladder.verdict();
  CHECK(v.kind == VerdictKind::real_limit);
  CHECK_THAT(v.message, Contains("real limit at 100 BPM") && Contains("no way down"));
}

TEST_CASE("failures on the way down follow the fail policy with a fresh fail count", "[coach]") {
  SECTION("repeat: one fail on the way down after one on the way up does not end it") {
    TempoLadder ladder(config(LadderDirection::up_down, 100.0, 106.1, k3Percent));
    play(ladder, solid());  // 100
    play(ladder, shaky());  // 103 fails once
    play(ladder, solid());  // 103
    play(ladder, solid());  // 106.1: the target, turn
    play(ladder, shaky());  // 103 fails once on the way down: repeat
    CHECK_FALSE(ladder.finished());
    CHECK(ladder.bpm() == 103.0);
    while (!ladder.finished()) play(ladder, solid());
    CHECK(tempos(ladder) == std::vector<double>{100.0, 103.0, 103.0, 106.1, 103.0, 103.0, 100.0});
    CHECK_THAT(ladder.verdict().message, Contains("every tempo held"));
  }
  SECTION("repeat: two fails on the way down end it, and the verdict says where") {
    TempoLadder ladder(config(LadderDirection::up_down, 100.0, 110.0, k3Percent));
    for (int i = 0; i < 5; ++i) play(ladder, solid());  // up to 110
    play(ladder, solid());                              // 109.3
    play(ladder, spread());                             // 106.1 fails
    play(ladder, spread());                             // and again
    CHECK(ladder.finished());
    CHECK(tempos(ladder).back() == 106.1);
    const LimitVerdict v = ladder.verdict();
    CHECK(v.kind == VerdictKind::target_reached);  // the climb reached the target
    CHECK_THAT(v.message, Contains("reached the target: 110 BPM") &&
                              Contains("On the way down, 106.1 BPM did not hold: the spread "
                                       "(SD) grew to 20.3 ms, beyond the rule's 18 ms"));
    check_under_ceiling(ladder);
  }
  SECTION("step back returns to the previous solid tempo of the way down") {
    LadderConfig c = config(LadderDirection::up_down, 100.0, 110.0, k3Percent);
    c.on_fail = FailPolicy::step_back;
    TempoLadder ladder(c);
    for (int i = 0; i < 5; ++i) play(ladder, solid());  // up to 110
    play(ladder, solid());                              // 109.3
    play(ladder, shaky());                              // 106.1 fails
    CHECK(ladder.bpm() == 109.3);
    play(ladder, solid());
    CHECK(ladder.bpm() == 106.1);
    while (!ladder.finished()) play(ladder, solid());
    CHECK(tempos(ladder) == std::vector<double>{100.0, 103.0, 106.1, 109.3, 110.0, 109.3, 106.1,
                                                109.3, 106.1, 103.0, 100.0});
    check_under_ceiling(ladder);
  }
  SECTION("step back from the first tempo down returns to the turning tempo") {
    LadderConfig c = config(LadderDirection::up_down, 100.0, 110.0, k3Percent);
    c.on_fail = FailPolicy::step_back;
    TempoLadder ladder(c);
    for (int i = 0; i < 5; ++i) play(ladder, solid());  // up to 110
    play(ladder, shaky());                              // 109.3 fails
    CHECK(ladder.bpm() == 110.0);
    play(ladder, solid());
    CHECK(ladder.bpm() == 109.3);
    check_under_ceiling(ladder);
  }
}

TEST_CASE("stopping an up-down ladder on the way down keeps the climb's verdict", "[coach]") {
  SECTION("still solid") {
    TempoLadder ladder(config(LadderDirection::up_down, 100.0, 110.0, k3Percent));
    for (int i = 0; i < 5; ++i) play(ladder, solid());  // up to 110
    play(ladder, solid());                              // 109.3
    ladder.add_bar(solid());                            // half of 106.1
    ladder.stop();
    CHECK(ladder.finished());
    CHECK_FALSE(ladder.steps().back().complete);
    CHECK(ladder.steps().back().descending);
    const LimitVerdict v = ladder.verdict();
    CHECK(v.kind == VerdictKind::target_reached);
    CHECK_THAT(v.message, Contains("You stopped on the way down, still solid at 109.3 BPM"));
  }
  SECTION("while a step was falling apart") {
    TempoLadder ladder(config(LadderDirection::up_down, 100.0, 110.0, k3Percent));
    for (int i = 0; i < 5; ++i) play(ladder, solid());
    ladder.add_bar(shaky());  // half of 109.3, nothing within 25 ms
    ladder.stop();
    CHECK_THAT(ladder.verdict().message,
               Contains("On the way down, 109.3 BPM did not hold before you stopped"));
  }
  SECTION("stopping during the climb is judged as the climb") {
    TempoLadder ladder(config(LadderDirection::up_down, 100.0, 110.0, k3Percent));
    play(ladder, solid());
    play(ladder, solid());
    ladder.stop();
    const LimitVerdict v = ladder.verdict();
    CHECK(v.kind == VerdictKind::stopped_early);
    CHECK(v.last_bpm == 103.0);
    CHECK_THAT(v.message, !Contains("way down"));
  }
}

TEST_CASE("ladder settings are checked against the direction", "[coach]") {
  CHECK_THROWS_WITH(TempoLadder(config(LadderDirection::down, 50.0, 60.0, k4Bpm)),
                    Contains("going down needs a target below the start") &&
                        Contains("60 BPM is above the start 50 BPM"));
  CHECK_THROWS_WITH(TempoLadder(config(LadderDirection::up_down, 60.0, 50.0, k4Bpm)),
                    Contains("the target 50 BPM is below the start 60 BPM"));
  CHECK_THROWS_WITH(TempoLadder(config(LadderDirection::up, 60.0, 50.0, k4Bpm)),
                    Contains("use the direction down"));
  CHECK_NOTHROW(TempoLadder(config(LadderDirection::down, 60.0, 50.0, k4Bpm)));
  CHECK_THROWS_WITH(TempoLadder(config(LadderDirection::down, 60.0, 50.0, {false, 0.04})),
                    Contains("too small to lower the tempo"));
  CHECK_THROWS_WITH(TempoLadder(config(LadderDirection::down, 60.0, 10.0, k4Bpm)),
                    Contains("out of range"));
}

TEST_CASE("no step of any ladder runs above the healthy-pace ceiling", "[coach]") {
  std::mt19937 random(7);  // a fixed seed: the same mixed runs every time
  std::bernoulli_distribution holds(0.7);
  int ladders = 0;
  for (const LadderDirection d :
       {LadderDirection::up, LadderDirection::down, LadderDirection::up_down}) {
    for (const FailPolicy policy : {FailPolicy::repeat, FailPolicy::step_back}) {
      // Consolidated tempos and the ceilings they give: 5% above, tidied, at most 130 BPM.
      for (const auto& [consolidated, ceiling] :
           {std::pair{70.0, 73.5}, std::pair{96.0, 100.8}, std::pair{118.0, 123.9},
            std::pair{200.0, 130.0}}) {
        const bool down = d == LadderDirection::down;
        LadderConfig c = config(d, down ? 130.0 : 80.0, down ? 80.0 : 130.0, k3Percent);
        c.on_fail = policy;
        c.stop_after_fails = 3;
        c.consolidated_bpm = consolidated;
        TempoLadder ladder(c);
        CHECK(ladder.ceiling_bpm() == ceiling);
        for (int bars = 0; bars < 400 && !ladder.finished(); ++bars) {
          ladder.add_bar(holds(random) ? solid() : shaky());
        }
        CHECK(ladder.finished());
        check_under_ceiling(ladder);
        ++ladders;
      }
    }
  }
  CHECK(ladders == 24);
}
