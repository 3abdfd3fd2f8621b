// Click modes that train the inner clock: random mute, silent while tight, quiet count.
#include <algorithm>
#include <limits>
#include <vector>

#include <catch2/catch.hpp>

#include "core/click_log.hpp"
#include "core/click_modes.hpp"
#include "core/live_schedule.hpp"

using namespace pocket;

namespace {

constexpr std::int64_t kUntilTold = std::numeric_limits<std::int64_t>::max();

std::vector<ClickEvent> all_clicks(LiveSchedule& s) {
  std::vector<ClickEvent> clicks;
  for (; !s.done(); s.advance()) clicks.push_back(s.current());
  return clicks;
}

ClickPattern muting(double percent, std::int64_t rise_bars, std::uint64_t seed) {
  ClickPattern p;
  p.count_in_bars = 1;
  p.random_mute = {percent, rise_bars, seed};
  return p;
}

BarTally bar_of(std::int64_t bar, bool tight) {
  BarTally b{bar, {}};
  for (int i = 0; i < 8; ++i)
    b.tally.add_hit(tight ? (i % 2 ? 3.0 : -3.0) : (i % 2 ? 40.0 : -40.0));
  return b;
}

}  // namespace

TEST_CASE("the random mute leaves out the share it is set to, the same clicks for a seed",
          "[modes][random]") {
  // 4/4 in eighths: 8 clicks a bar. After 8 bars of rising, 50 bars at 50 % = 400 clicks.
  ClickPattern pattern = muting(50.0, 8, 7);
  pattern.subdivision = 2;
  LiveSchedule schedule(Meter{4, 4}, 120.0, pattern, 48000.0, 58);
  const std::vector<ClickEvent> clicks = all_clicks(schedule);
  int plateau = 0, plateau_muted = 0, rising_muted = 0, count_in_muted = 0;
  for (const ClickEvent& c : clicks) {
    const bool random = c.muted_by == MuteReason::random;
    CHECK(c.audible == !random);
    if (c.bar < 0)
      count_in_muted += random;
    else if (c.bar < 8)
      rising_muted += random;
    else
      ++plateau, plateau_muted += random;
  }
  CHECK(plateau == 400);
  INFO(plateau_muted << " of 400 left out");
  CHECK(std::abs(plateau_muted / 400.0 - 0.50) <= 0.05);
  CHECK(count_in_muted == 0);
  // Rising from 0: bars 0..7 average (0 + 6.25 + ... + 43.75) % = 21.9 % of 64 clicks.
  CHECK(rising_muted > 4);
  CHECK(rising_muted < 25);
  for (const ClickEvent& c : clicks) {
    if (c.bar == 0) CHECK(c.muted_by == MuteReason::none);  // 0 % on the first bar
  }

  LiveSchedule again(Meter{4, 4}, 120.0, pattern, 48000.0, 58);
  const std::vector<ClickEvent> same = all_clicks(again);
  ClickPattern other_seed = pattern;
  other_seed.random_mute.seed = 8;
  LiveSchedule other(Meter{4, 4}, 120.0, other_seed, 48000.0, 58);
  const std::vector<ClickEvent> different = all_clicks(other);
  REQUIRE(same.size() == clicks.size());
  int equal = 0, differ = 0;
  for (std::size_t i = 0; i < clicks.size(); ++i) {
    equal += same[i].muted_by == clicks[i].muted_by;
    differ += different[i].muted_by != clicks[i].muted_by;
  }
  CHECK(equal == static_cast<int>(clicks.size()));
  CHECK(differ > 100);  // another seed, other clicks
}

TEST_CASE("the random mute's share holds at other targets too", "[modes][random]") {
  for (const double percent : {10.0, 25.0, 80.0}) {
    ClickPattern pattern = muting(percent, 1, 3);
    LiveSchedule schedule(Meter{4, 4}, 100.0, pattern, 48000.0, 101);
    int clicks = 0, muted = 0;
    for (const ClickEvent& c : all_clicks(schedule)) {
      if (c.bar < 1) continue;  // bar 0 rises from nothing
      ++clicks;
      muted += c.muted_by == MuteReason::random;
    }
    INFO(percent << "%: " << muted << " of " << clicks);
    CHECK(clicks == 400);
    CHECK(std::abs(100.0 * muted / clicks - percent) <= 5.0);
  }
}

TEST_CASE("the live click silences the bars it is asked to, from a bar line it can reach",
          "[modes][live]") {
  ClickPattern pattern;
  pattern.count_in_bars = 1;
  LiveSchedule live(Meter{4, 4}, 120.0, pattern, 48000.0, 12);
  CHECK(live.silence(2, 4) == 2);                      // before the click starts: exactly as asked
  for (int i = 0; i < 4 + 4 + 1; ++i) live.advance();  // into bar 1
  // Bar 1 has started: a silence asked from bar 1 moves a bar later, both ends.
  CHECK(live.silence(1, 3) == 2);
  std::vector<ClickEvent> clicks;
  for (int i = 0; i < 3 + 4 * 4; ++i, live.advance()) clicks.push_back(live.current());
  for (const ClickEvent& c : clicks) {
    const bool silent = c.bar == 2 || c.bar == 3;
    CHECK(c.audible == !silent);
    CHECK((c.muted_by == MuteReason::silenced) == silent);
  }
  // Until told: silent from bar 6, back at bar 8.
  CHECK(live.silence(6, kUntilTold) == 6);
  CHECK(live.end_silence(8) == 8);
  const std::vector<ClickEvent> rest = all_clicks(live);
  for (const ClickEvent& c : rest) CHECK(c.audible == !(c.bar == 6 || c.bar == 7));
  CHECK(rest.back().bar == 11);
}

TEST_CASE("ending a silence that has not begun cancels it, and the count-in stays heard",
          "[modes][live]") {
  ClickPattern pattern;
  pattern.count_in_bars = 2;
  LiveSchedule live(Meter{3, 4}, 90.0, pattern, 48000.0, 4);
  live.silence(-2, kUntilTold);  // a silence never touches the count-in
  live.end_silence(-1);
  live.silence(1, 3);
  live.end_silence(0);  // before bar 1: nothing silent
  for (const ClickEvent& c : all_clicks(live)) CHECK(c.audible);
}

TEST_CASE("silent while tight drops the click after N tight bars, back after a loose one",
          "[modes][silent]") {
  SilentWhileTightMode mode({3, PassRule{}});
  CHECK_FALSE(mode.bar_closed(bar_of(0, true)));
  CHECK_FALSE(mode.bar_closed(bar_of(1, false)));  // a loose bar starts the count again
  CHECK_FALSE(mode.bar_closed(bar_of(2, true)));
  CHECK_FALSE(mode.bar_closed(bar_of(3, true)));
  const auto drop = mode.bar_closed(bar_of(4, true));
  REQUIRE(drop);
  CHECK(drop->kind == SilenceRequest::Kind::silence);
  CHECK(drop->from_bar == 6);  // bar 5 is already playing when bar 4 closes
  CHECK(drop->to_bar == SilenceRequest::kUntilTold);
  CHECK_FALSE(mode.bar_closed(bar_of(5, true)));
  CHECK_FALSE(mode.bar_closed(bar_of(6, true)));
  const auto back = mode.bar_closed(bar_of(7, false));
  REQUIRE(back);
  CHECK(back->kind == SilenceRequest::Kind::end_silence);
  CHECK(back->from_bar == 9);
  // Three tight bars again before it drops out again.
  CHECK_FALSE(mode.bar_closed(bar_of(8, true)));
  CHECK_FALSE(mode.bar_closed(bar_of(9, true)));
  CHECK(mode.bar_closed(bar_of(10, true)));
}

TEST_CASE("quiet count lengthens a held gap by a bar and shortens one that was not",
          "[modes][quiet]") {
  QuietCountMode mode({2, 1, 3, PassRule{}});
  CHECK(mode.first_gap().from_bar == 2);
  CHECK(mode.first_gap().to_bar == 3);
  CHECK_FALSE(mode.bar_closed(bar_of(0, false), false));
  CHECK_FALSE(mode.bar_closed(bar_of(1, false), false));
  auto next = mode.bar_closed(bar_of(2, true), true);  // the one-bar gap, held
  REQUIRE(next);
  CHECK(next->from_bar == 5);
  CHECK(next->to_bar == 7);  // two bars now
  CHECK_FALSE(mode.bar_closed(bar_of(3, true), false));
  CHECK_FALSE(mode.bar_closed(bar_of(4, true), false));
  CHECK_FALSE(mode.bar_closed(bar_of(5, true), true));
  next = mode.bar_closed(bar_of(6, true), true);
  REQUIRE(next);
  CHECK(next->to_bar - next->from_bar == 3);
  CHECK(next->from_bar == 9);
  for (std::int64_t bar = 7; bar < 9; ++bar) mode.bar_closed(bar_of(bar, true), false);
  for (std::int64_t bar = 9; bar < 11; ++bar) CHECK_FALSE(mode.bar_closed(bar_of(bar, true), true));
  next = mode.bar_closed(bar_of(11, true), true);
  REQUIRE(next);
  CHECK(next->to_bar - next->from_bar == 3);  // held again, but 3 is the longest
  for (std::int64_t bar = 12; bar < 14; ++bar) mode.bar_closed(bar_of(bar, true), false);
  mode.bar_closed(bar_of(14, false), true);
  mode.bar_closed(bar_of(15, false), true);
  next = mode.bar_closed(bar_of(16, false), true);  // not held: a bar shorter
  REQUIRE(next);
  CHECK(next->to_bar - next->from_bar == 2);
  REQUIRE(mode.gaps().size() == 4);
  CHECK(mode.gaps()[0].held);
  CHECK(mode.gaps()[0].bars == 1);
  CHECK(mode.gaps()[1].bars == 2);
  CHECK(mode.gaps()[3].bars == 3);
  CHECK_FALSE(mode.gaps()[3].held);
  CHECK(mode.gaps()[3].first_bar == 14);
}

TEST_CASE("a quiet-count gap that started a bar late is judged where it was", "[modes][quiet]") {
  QuietCountMode mode({1, 1, 4, PassRule{}});
  CHECK_FALSE(mode.bar_closed(bar_of(0, true), false));
  CHECK_FALSE(mode.bar_closed(bar_of(1, true), false));  // the gap was asked for bar 1: moved
  const auto next = mode.bar_closed(bar_of(2, true), true);
  REQUIRE(next);
  CHECK(mode.gaps().front().first_bar == 2);
  CHECK(next->from_bar == 4);
}

TEST_CASE("the click log tells which slots answered a left-out click", "[modes][log]") {
  // Eighth-note clicks on a sixteenth grid: slot 1 follows the click on slot 0.
  const Grid grid = Grid::constant(120.0, {4, 4}, 16);
  ClickLog log(grid);
  ClickPattern pattern;
  pattern.subdivision = 2;
  pattern.count_in_bars = 1;
  LiveSchedule live(Meter{4, 4}, 120.0, pattern, 48000.0, 6);
  live.silence(2, 4);
  for (; !live.done(); live.advance()) log.add(live.current(), 2);
  CHECK(log.clicks() == 6 * 8);
  CHECK(log.left_out(MuteReason::silenced) == 16);
  CHECK(log.heard_at(0));
  CHECK(log.heard_at(1));
  CHECK_FALSE(log.heard_at(32));
  CHECK_FALSE(log.heard_at(63));
  CHECK(log.heard_at(64));
  CHECK(log.silenced(3));
  CHECK_FALSE(log.silenced(4));
  const std::vector<SilentStretch> stretches = log.silent_stretches(grid);
  REQUIRE(stretches.size() == 1);
  CHECK(stretches[0].first_bar == 2);
  CHECK(stretches[0].bars == 2);
  CHECK(stretches[0].seconds == Approx(4.0));
}
