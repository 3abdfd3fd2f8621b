// A live session's scoring: strokes as they come, bars as they close with what the click did,
// and the whole session at the end.
#include <catch2/catch.hpp>

#include "live/bar_scoring.hpp"

using namespace pocket;

namespace {
// 120 BPM in 4/4, quarters: a slot is half a second, a bar two seconds.
Drill quarters_at_120() {
  Drill drill;
  drill.bpm = 120.0;
  return drill;
}

ClickEvent bar_click(std::int64_t bar, int beat, bool audible) {
  ClickEvent c;
  c.frame = (bar * 4 + beat) * 24000;
  c.bar = bar;
  c.beat = beat;
  c.audible = audible;
  c.muted_by = audible ? MuteReason::none : MuteReason::random;
  return c;
}
}  // namespace

TEST_CASE("a bar closes once its strokes are in, not past the bar the click has reached",
          "[live]") {
  const Drill drill = quarters_at_120();
  BarScoring scoring(drill, {"snare", "kick"});
  scoring.add_section(0, 0.0, 120.0);
  for (int beat = 0; beat < 4; ++beat) scoring.add_click(bar_click(0, beat, beat != 2));
  for (int beat = 0; beat < 4; ++beat) scoring.add_click(bar_click(1, beat, true));

  const auto first = scoring.add_stroke({0.010, 0, 90});
  REQUIRE(first);
  CHECK(first->slot == 0);
  CHECK(scoring.pad_of(*first) == "snare");
  scoring.add_stroke({1.003, 1, 90});
  scoring.add_stroke({2.020, 0, 90});

  CHECK(scoring.close_bars(1.9, 1).empty());  // bar 0's last slot is still open
  const std::vector<BarClosed> closed = scoring.close_bars(10.0, 0);
  REQUIRE(closed.size() == 1);  // bar 1 waits for the click to reach it
  CHECK(closed[0].bar.bar == 0);
  CHECK(closed[0].bar.tally.hits == 2);
  CHECK(closed[0].bar.tally.missed == 2);
  CHECK(closed[0].bpm == 120.0);
  CHECK_FALSE(closed[0].click_silenced);
  REQUIRE(closed[0].strokes.size() == 2);
  CHECK(closed[0].strokes[0].click_heard);
  CHECK(closed[0].strokes[1].click_heard == false);  // beat 2 was muted
  CHECK(scoring.last_bar_closed() == 0);

  const std::vector<BarClosed> next = scoring.close_bars(10.0, 1);
  REQUIRE(next.size() == 1);
  CHECK(next[0].bar.bar == 1);

  const Analysis analysis = scoring.analysis(2, 1, 3);
  CHECK(analysis.strokes.size() == 3);
  CHECK(analysis.double_triggers == 3);
  const ClickModeResult modes = scoring.click_modes();
  CHECK(modes.clicks == 8);
  CHECK(modes.randomly_muted == 1);
}
