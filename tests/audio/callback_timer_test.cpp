// The callback's own clock: a fixed histogram whose percentiles stay within a bucket of the truth.
#include <catch2/catch.hpp>

#include "audio/callback_timer.hpp"
#include "support/realtime_watch.hpp"

using pocket::CallbackTimer;

TEST_CASE("every duration falls in the bucket that holds it", "[callback_timer]") {
  for (std::uint64_t ns : {0ull, 1ull, 63ull, 64ull, 65ull, 1000ull, 2666666ull, 17000000000ull}) {
    const std::size_t b = CallbackTimer::bucket_of(ns);
    INFO(ns << " ns in bucket " << b);
    CHECK(CallbackTimer::bucket_low(b) <= ns);
    CHECK(ns < CallbackTimer::bucket_high(b));
    // About 3 % wide above 64 ns: a percentile is off by at most half of that.
    CHECK(CallbackTimer::bucket_high(b) - CallbackTimer::bucket_low(b) <=
          std::max<std::uint64_t>(1, CallbackTimer::bucket_low(b) / 32));
  }
  // Buckets follow one another with no gap.
  for (std::size_t b = 0; b + 1 < 500; ++b)
    CHECK(CallbackTimer::bucket_high(b) == CallbackTimer::bucket_low(b + 1));
}

TEST_CASE("percentiles of known durations, with and without MIDI apart", "[callback_timer]") {
  CallbackTimer timer;
  // 1000 quiet cycles of 2 to 3 us, one of them 900 us; 100 with MIDI of 40 us.
  for (int i = 0; i < 999; ++i) timer.record(2000 + static_cast<std::uint64_t>(i), false);
  timer.record(900000, false);
  for (int i = 0; i < 100; ++i) timer.record(40000, true);
  const auto d = timer.durations(2666.67);
  CHECK(d.period_us == 2666.67);
  CHECK(d.without_midi.cycles == 1000);
  CHECK(d.with_midi.cycles == 100);
  CHECK(d.all.cycles == 1100);
  CHECK(d.without_midi.p50_us == Approx(2.5).epsilon(0.03));
  CHECK(d.without_midi.p99_us == Approx(2.99).epsilon(0.03));
  CHECK(d.without_midi.p99_9_us == Approx(2.999).epsilon(0.03));  // the 999th of 1000
  CHECK(d.without_midi.max_us == 900.0);
  CHECK(d.with_midi.p50_us == Approx(40.0).epsilon(0.02));
  CHECK(d.with_midi.max_us == 40.0);
  CHECK(d.all.p99_us == Approx(40.0).epsilon(0.02));
  CHECK(d.all.max_us == 900.0);
}

TEST_CASE("no cycle yet gives zeros, not a guess", "[callback_timer]") {
  const auto d = CallbackTimer().durations(1333.33);
  CHECK(d.all.cycles == 0);
  CHECK(d.all.p99_us == 0.0);
  CHECK(d.all.max_us == 0.0);
}

TEST_CASE("timing a callback neither allocates nor locks", "[callback_timer][realtime]") {
  CallbackTimer timer;
  pocket::test::RealtimeCounts counts;
  {
    const pocket::test::ArmedThread armed;
    for (int i = 0; i < 1000; ++i) {
      CallbackTimer::Scope scope(timer);
      if (i % 2 == 0) scope.with_midi();
    }
    counts = armed.counts();
  }
  CHECK(counts.allocations == 0);
  CHECK(counts.locks == 0);
  CHECK(timer.durations(1.0).all.cycles == 1000);
}
