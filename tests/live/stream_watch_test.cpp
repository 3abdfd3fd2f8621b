// The end of a live session's sound: the click's end, or the audio gone before it.
#include <catch2/catch.hpp>

#include "live/stream_watch.hpp"

using namespace pocket;
using namespace std::chrono_literals;
using Verdict = StreamWatch::Verdict;

TEST_CASE("after the click's end the session waits a moment for the last strokes", "[live]") {
  const StreamWatch::Clock::time_point start{};
  StreamWatch watch(start);
  CHECK(watch.check(10, true, false, start) == Verdict::playing);
  CHECK(watch.check(20, false, true, start + 100ms) == Verdict::playing);
  CHECK(watch.check(20, false, true, start + 250ms) == Verdict::playing);
  CHECK(watch.check(20, false, true, start + 301ms) == Verdict::ended);
}

TEST_CASE(
    "the audio is lost when its callbacks stop for a second or it stops before the click's "
    "end",
    "[live]") {
  const StreamWatch::Clock::time_point start{};
  StreamWatch silent(start);
  CHECK(silent.check(5, true, false, start) == Verdict::playing);
  CHECK(silent.check(5, true, false, start + 900ms) == Verdict::playing);
  CHECK(silent.check(5, true, false, start + 1001ms) == Verdict::lost);

  StreamWatch stopped(start);
  CHECK(stopped.check(5, true, false, start) == Verdict::playing);
  CHECK(stopped.check(6, false, false, start + 10ms) == Verdict::lost);
}
