// The remote pad's taps: one pauses or goes on at once, three within 1.5 s end the session.
#include <catch2/catch.hpp>

#include "live/remote_taps.hpp"
#include "live/session_events.hpp"

using namespace pocket;

TEST_CASE("a single tap pauses and the next one on its own goes on", "[live][remote]") {
  RemoteTaps remote;
  CHECK(remote.tap(10.0) == SessionKey::pause);
  CHECK(remote.tap(13.0) == SessionKey::pause);  // more than 1.5 s later: a group of its own
  CHECK(remote.tap(14.6) == SessionKey::pause);
  CHECK(remote.taps() == 3);
}

TEST_CASE("three taps within 1.5 s act once at the first and end at the third", "[live][remote]") {
  RemoteTaps remote;
  CHECK(remote.tap(20.0) == SessionKey::pause);  // at once: a pause is never late
  CHECK(remote.tap(20.4) == SessionKey::none);   // no second toggle
  CHECK(remote.tap(20.9) == SessionKey::quit);
  CHECK(remote.tap(21.2) == SessionKey::none);  // after the end, the rest of the group is nothing
  CHECK(remote.taps() == 4);
}

TEST_CASE("the window runs from the group's first tap, not from the latest", "[live][remote]") {
  RemoteTaps remote;
  CHECK(remote.tap(5.0) == SessionKey::pause);
  CHECK(remote.tap(6.0) == SessionKey::none);
  // 1.5 s after the first tap is still in the group; just past it a new group starts.
  CHECK(remote.tap(6.5) == SessionKey::quit);
  RemoteTaps slow;
  CHECK(slow.tap(5.0) == SessionKey::pause);
  CHECK(slow.tap(6.0) == SessionKey::none);
  CHECK(slow.tap(6.51) == SessionKey::pause);  // two taps then a third too late: no end
  CHECK(slow.tap(7.0) == SessionKey::none);
  CHECK(slow.tap(7.5) == SessionKey::quit);
}
