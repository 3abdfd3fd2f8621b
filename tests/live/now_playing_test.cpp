// The click heard now, out of those rendered ahead, and the click's state the views show.
#include <catch2/catch.hpp>

#include "live/now_playing.hpp"

using namespace pocket;

namespace {
ClickEvent click_at(std::int64_t frame, std::int64_t bar, int beat,
                    MuteReason muted_by = MuteReason::none) {
  ClickEvent c;
  c.frame = frame;
  c.bar = bar;
  c.beat = beat;
  c.muted_by = muted_by;
  return c;
}
}  // namespace

TEST_CASE("the click heard now is the last one rendered whose time has come", "[live]") {
  NowPlaying playing(-1, 48000.0);
  CHECK(playing.click().bar == -1);
  playing.rendered(click_at(0, -1, 0));
  playing.rendered(click_at(24000, -1, 1));
  playing.rendered(click_at(48000, -1, 2));
  CHECK_FALSE(playing.advance(-0.1));
  CHECK(playing.advance(0.6));
  CHECK(playing.click().beat == 1);
  CHECK_FALSE(playing.advance(0.9));
  CHECK(playing.advance(1.0));  // on its frame exactly
  CHECK(playing.click().beat == 2);
}

TEST_CASE("the click's state puts a pause first, then the count-in, then what left it out",
          "[live]") {
  const ClickState silenced = ClickState::quiet_count;
  CHECK(click_state(click_at(0, -1, 0), false, false, silenced) == ClickState::count_in);
  CHECK(click_state(click_at(0, 2, 0), false, false, silenced) == ClickState::heard);
  CHECK(click_state(click_at(0, 2, 0), true, false, silenced) == ClickState::pausing);
  CHECK(click_state(click_at(0, 2, 0), true, true, silenced) == ClickState::paused);
  CHECK(click_state(click_at(0, -1, 0), false, true, silenced) == ClickState::paused);
  CHECK(click_state(click_at(0, 2, 0, MuteReason::silenced), false, false, silenced) ==
        ClickState::quiet_count);
  CHECK(click_state(click_at(0, 2, 0, MuteReason::silenced), false, false,
                    ClickState::silent_while_tight) == ClickState::silent_while_tight);
  CHECK(click_state(click_at(0, 2, 0, MuteReason::random), false, false, silenced) ==
        ClickState::muted);
  CHECK(click_state(click_at(0, 2, 0, MuteReason::gap), false, false, silenced) == ClickState::gap);
  CHECK(click_state(click_at(0, 2, 0, MuteReason::rest), false, false, silenced) ==
        ClickState::heard);
}
