// The guard of an audio callback: once abandon() returns, no callback touches the output again.
#include <atomic>
#include <chrono>
#include <thread>

#include <catch2/catch.hpp>

#include "audio/callback_guard.hpp"
#include "support/realtime_watch.hpp"

using pocket::CallbackGuard;
using namespace std::chrono_literals;

namespace {

void wait_until_set(const std::atomic<bool>& flag) {
  while (!flag.load()) std::this_thread::sleep_for(100us);
}

}  // namespace

TEST_CASE("once abandon returns no callback is inside and every later one is turned away",
          "[callback_guard]") {
  // Rounds of a callback looping as an audio server runs it, each abandoned at another point,
  // with callbacks of different lengths.
  for (int round = 0; round < 200; ++round) {
    INFO("round " << round);
    CallbackGuard guard;
    std::atomic<bool> stop{false}, inside{false};
    std::atomic<long> ran{0}, turned_away{0};
    std::thread callback([&] {
      std::atomic<int> work{0};
      while (!stop.load()) {
        const CallbackGuard::Entry entry(guard);
        if (entry.abandoned()) {
          turned_away.fetch_add(1);
          continue;
        }
        inside.store(true);  // the callback touches its owner from here
        for (int i = 0; i < (round % 10) * 200; ++i) work.fetch_add(1, std::memory_order_relaxed);
        ran.fetch_add(1);
        inside.store(false);
      }
    });
    while (ran.load() < 10) std::this_thread::yield();
    const bool none_running = guard.abandon();
    const bool inside_after = inside.load();
    const long ran_by_then = ran.load();
    // Some callbacks more, or one that wrongly went on to its owner.
    while (turned_away.load() < 10 && ran.load() == ran_by_then) std::this_thread::yield();
    stop.store(true);
    callback.join();
    REQUIRE(none_running);
    REQUIRE_FALSE(inside_after);
    REQUIRE(ran.load() == ran_by_then);
  }
}

TEST_CASE("abandon waits for a callback still running before it returns", "[callback_guard]") {
  CallbackGuard guard;
  std::atomic<bool> entered{false}, released{false}, told_abandoned{false};
  std::thread callback([&] {
    const CallbackGuard::Entry entry(guard);
    told_abandoned.store(entry.abandoned());
    entered.store(true);
    std::this_thread::sleep_for(20ms);  // abandon() is called meanwhile
    released.store(true);
  });
  wait_until_set(entered);
  const bool none_running = guard.abandon();
  const bool released_before_return = released.load();
  callback.join();
  CHECK(none_running);
  CHECK(released_before_return);
  CHECK_FALSE(told_abandoned.load());  // it began before abandon()
}

TEST_CASE("abandoning before any callback ran finds none running and turns the first away",
          "[callback_guard]") {
  CallbackGuard guard;
  CHECK_FALSE(guard.abandoned());
  CHECK(guard.abandon());
  CHECK(guard.abandoned());
  const CallbackGuard::Entry entry(guard);
  CHECK(entry.abandoned());
}

TEST_CASE("abandon gives up on a callback stuck for a second and says so", "[callback_guard]") {
  CallbackGuard guard;
  std::atomic<bool> entered{false}, abandon_returned{false};
  std::thread stuck([&] {
    const CallbackGuard::Entry entry(guard);
    entered.store(true);
    wait_until_set(abandon_returned);
  });
  wait_until_set(entered);
  const bool none_running = guard.abandon();
  abandon_returned.store(true);
  stuck.join();
  CHECK_FALSE(none_running);
  CHECK(guard.abandoned());
}

TEST_CASE("entering a callback neither allocates nor locks, abandoned or not",
          "[callback_guard][realtime]") {
  CallbackGuard guard;
  for (const bool abandoned : {false, true}) {
    INFO((abandoned ? "abandoned" : "not abandoned"));
    if (abandoned) guard.abandon();
    pocket::test::RealtimeCounts counts;
    int told_abandoned = 0;
    {
      const pocket::test::ArmedThread armed;
      for (int i = 0; i < 1000; ++i) {
        const CallbackGuard::Entry entry(guard);
        told_abandoned += entry.abandoned() ? 1 : 0;
      }
      counts = armed.counts();
    }
    CHECK(counts.allocations == 0);
    CHECK(counts.locks == 0);
    CHECK(told_abandoned == (abandoned ? 1000 : 0));
  }
}
