#include <catch2/catch.hpp>

#include "core/drill.hpp"

using namespace pocket;
using Catch::Contains;

TEST_CASE("a drill scores against its clicks unless it names a grid", "[drill]") {
  Drill d;
  CHECK(d.scored_grid() == 4);
  d.click.subdivision = 2;
  CHECK(d.scored_grid() == 8);
  d.meters = parse_meter_cycle("7/8,4/4");
  d.click.subdivision = 1;
  CHECK(d.scored_grid() == 8);  // the finest unit of the cycle
  d.grid = 16;
  CHECK(d.scored_grid() == 16);
  CHECK_NOTHROW(validate(d));
}

TEST_CASE("a drill says which of its settings cannot work", "[drill]") {
  Drill d;
  d.pattern = {{"kick", "x..."}};
  CHECK_NOTHROW(validate(d));
  d.pattern = {{"kick", "x.."}};
  CHECK_THROWS_WITH(validate(d), Contains("'kick' has 3 marks but a bar of the grid has 4 slots"));
  d.pattern.clear();

  d.meters = Meter{7, 8};
  d.grid = 4;
  CHECK_THROWS_WITH(validate(d), Contains("does not divide a bar of 7/8"));
  d.grid = 0;
  d.click.accents = "Xxxx";
  CHECK_THROWS_WITH(validate(d), Contains("4 marks but the bar has 7 beats"));
  d.click.accents.clear();

  d.bpm = 500.0;
  CHECK_THROWS_WITH(validate(d), Contains("500"));
  d.bpm = 120.0;

  d.click.gap = {2, 2};
  d.quiet_count = QuietCount{};
  CHECK_THROWS_WITH(validate(d), Contains("click.gap and quiet_count both decide"));
  d.click.gap = {};
  d.quiet_count->first_gap_bars = 9;
  CHECK_THROWS_WITH(validate(d), Contains("first_gap_bars is 9: use 1 to 8"));
  d.quiet_count.reset();

  d.silent_while_tight = SilentWhileTight{0, PassRule{}};
  CHECK_THROWS_WITH(validate(d), Contains("after_bars is 0"));
  d.silent_while_tight.reset();

  d.click.random_mute.percent = 120.0;
  CHECK_THROWS_WITH(validate(d), Contains("random mute of 120%"));
  d.click.random_mute.percent = 0.0;

  d.ladder = LadderConfig{};
  d.quiet_count = QuietCount{};
  CHECK_THROWS_WITH(validate(d), Contains("a ladder's new tempo must be heard"));
  d.quiet_count.reset();
  d.click.random_mute.percent = 30.0;  // a random mute still lets most clicks through
  CHECK_NOTHROW(validate(d));
  d.ladder->target_bpm = 90.0;  // below the start of an upward ladder
  CHECK_THROWS(validate(d));
}

TEST_CASE("the random mute rises over the drill, a ladder's planned length included", "[drill]") {
  Drill d;
  d.click.random_mute.percent = 50.0;
  CHECK(d.mute_rise_bars() == 16);  // a drill without end
  d.bars = 40;
  CHECK(d.mute_rise_bars() == 40);
  d.click.random_mute.rise_bars = 12;
  CHECK(d.mute_rise_bars() == 12);
  d.click.random_mute.rise_bars = 0;
  // 100, 103, 106.1 and 109.3 BPM in two bars each, with the coach's bar between steps.
  LadderConfig ladder;
  ladder.start_bpm = 100.0;
  ladder.target_bpm = 109.3;
  ladder.step = parse_tempo_step("3%");
  ladder.bars_per_step = 2;
  CHECK(planned_bars(ladder) == 4 * 2 + 3);
  d.ladder = ladder;
  CHECK(d.mute_rise_bars() == 11);
  ladder.direction = LadderDirection::up_down;  // and back down through 106.1 and 103 to 100
  CHECK(planned_bars(ladder) == 7 * 2 + 6);
}

TEST_CASE("a drill plays the pads its pattern, sticking or feel names", "[drill][remote]") {
  Drill plain;
  CHECK_FALSE(drill_plays_pad(plain, "aux1"));  // a plain grid names no pad
  Drill groove;
  groove.pattern = {{"kick", "x.x."}, {"hihat", "xxxx"}};
  CHECK(drill_plays_pad(groove, "hihat"));
  CHECK_FALSE(drill_plays_pad(groove, "crash2"));
  Drill hands;
  hands.sticking = {{"snare", "RLRR LRLL"}};
  CHECK(drill_plays_pad(hands, "snare"));
  Drill laid_back;
  laid_back.feel = {{"ride", 8.0}};
  CHECK(drill_plays_pad(laid_back, "ride"));
  CHECK_FALSE(drill_plays_pad(laid_back, "aux1"));
}
