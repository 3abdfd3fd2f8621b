#include <vector>

#include <catch2/catch.hpp>

#include "core/calibration.hpp"
#include "core/live_schedule.hpp"
#include "core/live_scorer.hpp"

using namespace pocket;

namespace {
const ExpectedStrokes kPlain;

std::vector<ClickEvent> take(LiveSchedule& s, int n) {
  std::vector<ClickEvent> clicks;
  for (int i = 0; i < n && !s.done(); ++i, s.advance()) clicks.push_back(s.current());
  return clicks;
}
}  // namespace

TEST_CASE("a live schedule plays like the fixed schedule until the tempo changes", "[live]") {
  ClickPattern pattern;
  pattern.count_in_bars = 1;
  pattern.subdivision = 2;
  LiveSchedule live(Meter{4, 4}, 133.7, pattern, 48000.0, 8);
  const Schedule fixed(TempoMap({{{4, 4}, 8, 133.7, 133.7}}), pattern, 48000.0);
  std::size_t n = 0;
  for (Schedule::Cursor c(fixed); !c.done(); c.advance(), live.advance(), ++n) {
    REQUIRE_FALSE(live.done());
    CHECK(live.current().frame == c.current().frame);
    CHECK(live.current().level == c.current().level);
    CHECK(live.current().bar == c.current().bar);
  }
  CHECK(live.done());
  CHECK(n == 9 * 8);
}

TEST_CASE("a tempo change takes effect exactly on the requested bar line", "[live]") {
  LiveSchedule live(Meter{4, 4}, 120.0, ClickPattern{}, 48000.0, -1);
  take(live, 2);                           // into bar 0
  CHECK(live.change_tempo(2, 60.0) == 2);  // bar 2 has not started
  const auto clicks = take(live, 14);
  // Bars 0 and 1 at 120 BPM (24000 frames a beat), then 60 BPM from frame 192000.
  CHECK(clicks[5].bar == 1);
  CHECK(clicks[6].bar == 2);
  CHECK(clicks[6].frame == 192000);
  CHECK(clicks[7].frame == 192000 + 48000);
  CHECK(live.section().first_bar == 2);
  CHECK(live.section().bpm == 60.0);
  CHECK(live.section().start_seconds == Approx(4.0));
}

TEST_CASE("a change for a bar already under way waits for the next bar line", "[live]") {
  LiveSchedule live(Meter{3, 4}, 100.0, ClickPattern{}, 48000.0, -1);
  take(live, 4);  // bar 1 has started
  CHECK(live.change_tempo(0, 150.0) == 2);
  live.finish_after_current_bar();
  const auto clicks = take(live, 100);
  CHECK(clicks.size() == 2);  // the rest of bar 1
  CHECK(live.done());
}

TEST_CASE("the live scorer scores against the sections the click played", "[live]") {
  LiveScorer scorer(Meter{4, 4}, 4, {"kick", "snare"}, kPlain);
  scorer.add_section(-1, 0.0, 120.0);             // count-in bar -1 at 120 BPM from 0 s
  scorer.add_section(1, 4.0, 60.0);               // bar 0 at 120, bar 1 onwards at 60 BPM from 4 s
  CHECK_FALSE(scorer.add_stroke({1.0, 0, 100}));  // count-in: not scored
  const auto first = scorer.add_stroke({2.0 + 0.012, 1, 100});
  REQUIRE(first);
  CHECK(first->slot == 0);
  CHECK(first->offset_ms == Approx(12.0));
  const auto late_bar = scorer.add_stroke({5.0 - 0.008, 0, 100});  // beat 2 of bar 1 at 60 BPM
  REQUIRE(late_bar);
  CHECK(late_bar->slot == 5);
  CHECK(late_bar->offset_ms == Approx(-8.0));
  scorer.add_stroke({2.5, 1, 100});
  scorer.add_stroke({2.51, 1, 100});  // the same pad on the same slot again: extra

  CHECK(scorer.close_bars(3.9).empty());  // bar 0 ends at 4 s; strokes may still come
  const auto bars = scorer.close_bars(4.3);
  REQUIRE(bars.size() == 1);
  CHECK(bars[0].bar == 0);
  CHECK(bars[0].tally.hits == 2);
  CHECK(bars[0].tally.extra == 1);
  CHECK(bars[0].tally.missed == 2);
  CHECK(scorer.close_bars(4.3).empty());  // closed once
}

TEST_CASE("the live scorer leaves a bar open until the click has reached it", "[live]") {
  LiveScorer scorer(Meter{4, 4}, 4, {"kick"}, kPlain);
  scorer.add_section(0, 0.0, 120.0);  // bars of 2 s from 0 s
  scorer.add_stroke({4.01, 0, 100});  // bar 2
  // A clock ten seconds ahead of a click still in bar 1: bar 2 and later stay open.
  const auto early = scorer.close_bars(10.5, 1);
  REQUIRE(early.size() == 2);
  CHECK(early[1].bar == 1);
  // Once the click is in bar 3, bar 2 closes with its stroke.
  const auto later = scorer.close_bars(10.5, 3);
  REQUIRE(later.size() == 2);
  CHECK(later[0].bar == 2);
  CHECK(later[0].tally.hits == 1);
  CHECK(later[1].bar == 3);
}

TEST_CASE("calibration takes the median and leaves out the strays", "[calibration]") {
  const std::vector<double> offsets = {-6.0, -7.0, -5.5,  -6.5, -6.2, -5.8,
                                       -7.1, -6.0, -40.0, 60.0, -6.3};
  const auto c = calibrate(offsets);
  REQUIRE(c);
  CHECK(c->offset_ms == Approx(-6.2));  // median of the nine kept
  CHECK(c->used == 9);
  CHECK(c->rejected == 2);
  CHECK_FALSE(calibrate(std::vector<double>{1.0, 2.0, 3.0}));
}

TEST_CASE("strokes aimed past the end of the click are not part of the drill", "[live]") {
  LiveScorer scorer(Meter{4, 4}, 4, {"snare"}, kPlain);
  scorer.add_section(0, 0.0, 120.0);
  for (int slot = 0; slot < 9; ++slot) scorer.add_stroke({slot * 0.5 - 0.01, 0, 100});
  scorer.end_before_bar(2);  // bars 0 and 1 were played: slot 8 is past the end
  CHECK(scorer.strokes().size() == 8);
}

TEST_CASE("a second stroke of a pad on its slot is stored as extra, the closer one counts",
          "[live]") {
  // Quarter-note slots at 120 BPM: slot 0 at 0 s, slot 1 at 0.5 s, a bar of 4 slots.
  LiveScorer scorer(Meter{4, 4}, 4, {"snare"}, kPlain);
  scorer.add_section(0, 0.0, 120.0);
  scorer.add_stroke({0.020, 0, 100});  // slot 0, +20 ms
  scorer.add_stroke({0.004, 0, 100});  // slot 0, +4 ms: the closer one
  // Exactly half-way between slots 0 and 1: the later slot takes it (grid.hpp), 250 ms early.
  scorer.add_stroke({0.25, 0, 100});
  const auto strokes = scorer.scored_in_bar(0);
  REQUIRE(strokes.size() == 3);
  CHECK_FALSE(strokes[0].matched);
  CHECK(strokes[1].matched);
  CHECK(strokes[2].slot == 1);
  CHECK(strokes[2].offset_ms == Approx(-250.0));
  CHECK(strokes[2].matched);  // alone on slot 1, and half a slot off is still within reach
  const auto bars = scorer.close_bars(10.0);
  REQUIRE_FALSE(bars.empty());
  // Hits: +4 ms on slot 0 and -250 ms on slot 1; extra: the +20 ms stroke; missed: slots 2, 3.
  CHECK(bars[0].tally.hits == 2);
  CHECK(bars[0].tally.extra == 1);
  CHECK(bars[0].tally.missed == 2);
  CHECK(bars[0].tally.within_25ms == 1);
  CHECK(bars[0].tally.sum_ms == Approx(4.0 - 250.0));
  CHECK(scorer.bpm_of_bar(0) == Approx(120.0));
}

TEST_CASE("a stroke half-way between the count-in and bar 0 belongs to bar 0", "[live]") {
  // Count-in bar -1 from 0 s at 120 BPM in quarters: its last slot at 1.5 s, slot 0 at 2 s.
  LiveScorer scorer(Meter{4, 4}, 4, {"snare"}, kPlain);
  scorer.add_section(-1, 0.0, 120.0);
  const auto tie = scorer.add_stroke({1.75, 0, 100});
  REQUIRE(tie);
  CHECK(tie->slot == 0);
  CHECK(tie->offset_ms == Approx(-250.0));
  CHECK_FALSE(scorer.add_stroke({1.74, 0, 100}));  // nearer the count-in's last slot
}
