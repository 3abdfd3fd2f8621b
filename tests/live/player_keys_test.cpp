// The player's keys in a live session: pause and resume, the tempo nudges, the end.
#include <catch2/catch.hpp>

#include "core/tempo_map.hpp"
#include "live/player_keys.hpp"

using namespace pocket;
using RequestKind = ClickRequest::Kind;

TEST_CASE("space pauses at the next bar line and resumes a beat after the key", "[live][keys]") {
  PlayerKeys keys(120.0, false);
  CHECK(keys.follow(SessionKey::none, false, 3, 120.0).kind == RequestKind::none);
  const ClickRequest pause = keys.follow(SessionKey::pause, false, 3, 120.0);
  CHECK(pause.kind == RequestKind::pause);
  CHECK(pause.from_bar == 4);
  CHECK(keys.pausing());
  // Pressed again before the bar line: the pause is called off the same way as a resume.
  const ClickRequest resume = keys.follow(SessionKey::pause, true, 4, 120.0);
  CHECK(resume.kind == RequestKind::resume);
  CHECK(resume.lead_seconds == 0.5);  // a beat at 120 BPM
  CHECK_FALSE(keys.pausing());
  // A hold the player did not ask for here is resumed too.
  CHECK(keys.follow(SessionKey::pause, true, 4, 60.0).lead_seconds == 1.0);
  CHECK(keys.follow(SessionKey::quit, false, 4, 120.0).kind == RequestKind::quit);
}

TEST_CASE("plus and minus move the tempo a BPM from the next bar line, within pocket's range",
          "[live][keys]") {
  PlayerKeys keys(kMaxBpm - 1.0, false);
  ClickRequest up = keys.follow(SessionKey::faster, false, 7, 0.0);
  CHECK(up.kind == RequestKind::tempo);
  CHECK(up.from_bar == 8);
  CHECK(up.bpm == kMaxBpm);
  CHECK(keys.follow(SessionKey::faster, false, 7, 0.0).bpm == kMaxBpm);
  CHECK(keys.follow(SessionKey::slower, false, 9, 0.0).bpm == kMaxBpm - 1.0);

  PlayerKeys slow(kMinBpm, false);
  CHECK(slow.follow(SessionKey::slower, false, 0, 0.0).bpm == kMinBpm);
}

TEST_CASE("in a ladder the coach keeps the tempo and the nudges do nothing", "[live][keys]") {
  PlayerKeys keys(100.0, true);
  CHECK(keys.follow(SessionKey::faster, false, 2, 100.0).kind == RequestKind::none);
  CHECK(keys.follow(SessionKey::slower, false, 2, 100.0).kind == RequestKind::none);
  CHECK(keys.follow(SessionKey::pause, false, 2, 100.0).kind == RequestKind::pause);
}
