#include <semaphore.h>

#include <array>
#include <chrono>
#include <cstdlib>
#include <mutex>
#include <new>
#include <shared_mutex>
#include <vector>

#include <catch2/catch.hpp>

#include "audio/click_mixer.hpp"
#include "support/realtime_watch.hpp"
#include "support/wav_io.hpp"

using namespace pocket;

namespace {

Schedule busy_schedule() {
  ClickPattern pattern;
  pattern.subdivision = 4;
  pattern.count_in_bars = 1;
  pattern.gap = {2, 1};
  return Schedule(TempoMap({{{4, 4}, 6, 97.3, 151.9}, {{7, 8}, 4, 233.3, 233.3}}), pattern,
                  48000.0);
}

std::vector<float> render_in_blocks(const Schedule& schedule, const ClickSound& sound,
                                    std::size_t block) {
  ScheduleSource clicks(schedule);
  ClickMixer mixer(clicks, sound);
  std::vector<float> out;
  std::vector<float> buffer(block);
  while (mixer.position() < schedule.end_frame() || !mixer.finished()) {
    mixer.render(buffer);
    out.insert(out.end(), buffer.begin(), buffer.end());
  }
  return out;
}

}  // namespace

TEST_CASE("the output does not depend on the block size", "[mixer]") {
  const Schedule schedule = busy_schedule();
  const ClickSound sound = synthesize_click("tick", 48000.0);
  const std::vector<float> reference = render_in_blocks(schedule, sound, 48000);
  for (const std::size_t block : {1, 64, 128, 1000, 4096}) {
    std::vector<float> out = render_in_blocks(schedule, sound, block);
    const std::size_t n = std::min(out.size(), reference.size());
    INFO("block " << block);
    CHECK(std::equal(out.begin(), out.begin() + static_cast<long>(n), reference.begin()));
  }
}

TEST_CASE("every audible click starts on its exact frame and muted bars stay silent", "[mixer]") {
  const Schedule schedule = busy_schedule();
  const ClickSound sound = synthesize_click("woodblock", 48000.0);
  ClickPattern beats_only = schedule.pattern();
  beats_only.subdivision = 1;  // clicks far enough apart to see each onset in silence
  const Schedule sparse(TempoMap({{{4, 4}, 6, 97.3, 151.9}, {{7, 8}, 4, 233.3, 233.3}}), beats_only,
                        48000.0);
  const std::vector<float> out = render_in_blocks(sparse, sound, 333);
  std::vector<std::int64_t> expected;
  for (Schedule::Cursor c(sparse); !c.done(); c.advance()) {
    if (c.current().audible) expected.push_back(c.current().frame + 1);  // voices start at 0
  }
  CHECK(test::onsets(out, 100) == expected);
  // Count-in 4, bars 0, 1, 3, 4 of 4/4 (16) and 6, 7, 9 of 7/8 (21): bars 2, 5 and 8 are muted.
  CHECK(expected.size() == 41);
}

TEST_CASE("rendering a block never allocates", "[mixer][realtime]") {
  const Schedule schedule = busy_schedule();
  const ClickSound sound = synthesize_click("beep", 48000.0);
  ScheduleSource clicks(schedule);
  ClickMixer mixer(clicks, sound);
  std::vector<float> buffer(128);
  std::size_t allocations = 0, locks = 0;
  std::int64_t blocks = 0;
  while (!mixer.finished()) {
    const test::ArmedThread armed;
    mixer.render(buffer);
    allocations += armed.counts().allocations;
    locks += armed.counts().locks;
    ++blocks;
  }
  CHECK(blocks > 100);
  CHECK(mixer.clicks_started() > 100);
  CHECK(allocations == 0);
  CHECK(locks == 0);
}

// The watch behind the no-allocation tests must see each way there is to allocate or to lock.
TEST_CASE("the real-time watch counts every way to allocate and to lock", "[mixer][realtime]") {
  // One count per step, kept in space taken before the watch is armed.
  std::array<test::RealtimeCounts, 12> seen{};
  std::size_t step = 0;
  const auto watch = [&](auto&& work) {
    const test::ArmedThread armed;
    work();
    seen[step++] = armed.counts();
  };
  std::mutex mutex;
  std::timed_mutex timed;
  std::shared_mutex shared;
  sem_t semaphore;
  sem_init(&semaphore, 0, 2);
  // Through a volatile pointer, so that the compiler cannot leave out an unused allocation.
  static void* volatile kept = nullptr;
  watch([] { std::free(kept = std::malloc(16)); });
  watch([] { std::free(kept = std::calloc(4, 4)); });
  watch([] { std::free(kept = std::realloc(nullptr, 16)); });
  watch([] { std::free(kept = std::aligned_alloc(64, 64)); });
  watch([] { delete static_cast<int*>(kept = new int(1)); });
  watch([] {
    kept = ::operator new (64, std::align_val_t{128});
    ::operator delete (kept, std::align_val_t{128});
  });
  watch([] {
    std::vector<int> grown;
    for (int i = 0; i < 100; ++i) grown.push_back(i);
    kept = grown.data();
  });
  watch([&] { const std::lock_guard<std::mutex> lock(mutex); });
  watch([&] {
    if (timed.try_lock_for(std::chrono::milliseconds(1))) timed.unlock();
  });
  watch([&] { const std::shared_lock<std::shared_mutex> lock(shared); });
  watch([&] { const std::unique_lock<std::shared_mutex> lock(shared); });
  watch([&] { sem_wait(&semaphore); });
  sem_destroy(&semaphore);
  for (std::size_t i = 0; i < 7; ++i) {
    INFO("allocation step " << i);
    CHECK(seen[i].allocations >= 1);
    CHECK(seen[i].locks == 0);
  }
  CHECK(seen[6].allocations >= 5);  // the vector grew several times
  for (std::size_t i = 7; i < 12; ++i) {
    INFO("lock step " << i);
    CHECK(seen[i].locks == 1);
    CHECK(seen[i].allocations == 0);
  }
}
