// The player's keys in a live session: pause and resume, the tempo nudges, the end, and the
// start on a hit.
#include <catch2/catch.hpp>

#include "core/tempo_map.hpp"
#include "live/player_keys.hpp"

using namespace pocket;
using RequestKind = ClickRequest::Kind;

TEST_CASE("space pauses at the next bar line and resumes a beat after the key", "[live][keys]") {
  PlayerKeys keys(120.0, false);
  CHECK_FALSE(keys.waiting());
  CHECK(keys.follow(SessionKey::none, 7.0, false, 3, 120.0).kind == RequestKind::none);
  const ClickRequest pause = keys.follow(SessionKey::pause, 7.0, false, 3, 120.0);
  CHECK(pause.kind == RequestKind::pause);
  CHECK(pause.from_bar == 4);
  CHECK(keys.pausing());
  // Pressed again before the bar line: the pause is called off the same way as a resume.
  const ClickRequest resume = keys.follow(SessionKey::pause, 7.75, true, 4, 120.0);
  CHECK(resume.kind == RequestKind::resume);
  CHECK(resume.at_seconds == 8.25);  // a beat at 120 BPM after the key
  CHECK_FALSE(keys.pausing());
  // A hold the player did not ask for here is resumed too.
  CHECK(keys.follow(SessionKey::pause, 20.0, true, 4, 60.0).at_seconds == 21.0);
  CHECK(keys.follow(SessionKey::quit, 22.0, false, 4, 120.0).kind == RequestKind::quit);
}

TEST_CASE("plus and minus move the tempo a BPM from the next bar line, within pocket's range",
          "[live][keys]") {
  PlayerKeys keys(kMaxBpm - 1.0, false);
  ClickRequest up = keys.follow(SessionKey::faster, 1.0, false, 7, 0.0);
  CHECK(up.kind == RequestKind::tempo);
  CHECK(up.from_bar == 8);
  CHECK(up.bpm == kMaxBpm);
  CHECK(keys.follow(SessionKey::faster, 1.0, false, 7, 0.0).bpm == kMaxBpm);
  CHECK(keys.follow(SessionKey::slower, 1.0, false, 9, 0.0).bpm == kMaxBpm - 1.0);

  PlayerKeys slow(kMinBpm, false);
  CHECK(slow.follow(SessionKey::slower, 1.0, false, 0, 0.0).bpm == kMinBpm);
}

TEST_CASE("in a ladder the coach keeps the tempo and the nudges do nothing", "[live][keys]") {
  PlayerKeys keys(100.0, true);
  CHECK(keys.follow(SessionKey::faster, 1.0, false, 2, 100.0).kind == RequestKind::none);
  CHECK(keys.follow(SessionKey::slower, 1.0, false, 2, 100.0).kind == RequestKind::none);
  CHECK(keys.follow(SessionKey::pause, 1.0, false, 2, 100.0).kind == RequestKind::pause);
}

// The click holds, silent, at the count-in's first bar line (bar -1 here), which no bar has
// passed: the first hit releases that bar line a beat after it, as a resume does.
TEST_CASE("a hit while waiting starts the count-in a beat after it, and only the first",
          "[live][keys][start-on-hit]") {
  PlayerKeys keys(100.0, false, true);
  REQUIRE(keys.waiting());
  // Before the first buffer has told the session of the hold, a hit still starts it.
  const ClickRequest start = keys.follow(SessionKey::pause, 3.2, false, -1, 100.0);
  CHECK(start.kind == RequestKind::resume);
  CHECK(start.at_seconds == Approx(3.2 + 0.6));  // a beat at 100 BPM after the hit
  CHECK_FALSE(keys.waiting());
  CHECK_FALSE(keys.pausing());
  // From then on a key (or the remote pad) pauses as it always does.
  const ClickRequest pause = keys.follow(SessionKey::pause, 9.0, false, 2, 100.0);
  CHECK(pause.kind == RequestKind::pause);
  CHECK(pause.from_bar == 3);
}

TEST_CASE("while waiting, the tempo keys wait too and q still ends", "[live][keys][start-on-hit]") {
  PlayerKeys keys(100.0, false, true);
  CHECK(keys.follow(SessionKey::faster, 1.0, true, -1, 100.0).kind == RequestKind::none);
  CHECK(keys.follow(SessionKey::slower, 1.0, true, -1, 100.0).kind == RequestKind::none);
  CHECK(keys.waiting());
  CHECK(keys.follow(SessionKey::quit, 1.0, true, -1, 100.0).kind == RequestKind::quit);
  // After the start the nudges work again, from the bar after the one heard.
  keys.follow(SessionKey::pause, 2.0, true, -1, 100.0);
  const ClickRequest up = keys.follow(SessionKey::faster, 4.0, false, 0, 100.0);
  CHECK(up.kind == RequestKind::tempo);
  CHECK(up.bpm == 101.0);
}
