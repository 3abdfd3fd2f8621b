#include <vector>

#include <catch2/catch.hpp>

#include "audio/click_mixer.hpp"
#include "support/allocation_counter.hpp"
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
  std::size_t allocations = 0;
  std::int64_t blocks = 0;
  while (!mixer.finished()) {
    test::AllocationCounter counter;
    mixer.render(buffer);
    allocations += counter.count();
    ++blocks;
  }
  CHECK(blocks > 100);
  CHECK(mixer.clicks_started() > 100);
  CHECK(allocations == 0);
}

TEST_CASE("the allocation counter sees allocations", "[mixer][realtime]") {
  test::AllocationCounter counter;
  auto* p = new std::vector<int>(10);
  delete p;
  CHECK(counter.count() >= 2);
}
