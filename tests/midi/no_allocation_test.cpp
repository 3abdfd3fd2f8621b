#include <cstddef>
#include <cstdint>
#include <iterator>

#include <catch2/catch.hpp>

#include "midi/stroke_filter.hpp"
#include "support/realtime_watch.hpp"
#include "support/shipped_presets.hpp"

using namespace pocket;

TEST_CASE("StrokeFilter::note_on and control_change never allocate", "[stroke_filter][realtime]") {
  const DrumMap map = pocket::test::shipped_kit("roland");
  StrokeFilter filter(map);
  // Notes across the whole range: mapped heads, rims, the pedal, unmapped and out of range.
  constexpr int kNotes[] = {36, 38, 40, 22, 26, 42, 44, 46, 51, 53, 60, 0, 127, -1, 128};
  std::int64_t strokes = 0;
  std::int64_t ignored = 0;
  std::int64_t unmapped = 0;
  test::RealtimeCounts counts;
  {
    const test::ArmedThread armed;
    Stroke stroke;
    double seconds = 0.0;
    for (int i = 0; i < 100000; ++i) {
      // Steps of 1 to 7 ms: some within the double-trigger window, some not.
      seconds += 0.001 * (1 + i % 7);
      const int note = kNotes[static_cast<std::size_t>(i) % std::size(kNotes)];
      switch (filter.note_on(seconds, note, i % 128, stroke)) {
        case StrokeFilter::Result::stroke: ++strokes; break;
        case StrokeFilter::Result::double_trigger: break;
        case StrokeFilter::Result::unmapped: ++unmapped; break;
        case StrokeFilter::Result::ignored: ++ignored; break;
      }
      filter.control_change(i % 8, i % 128);
    }
    counts = armed.counts();
  }
  CHECK(counts.allocations == 0);
  CHECK(counts.locks == 0);
  // Every path of note_on was taken.
  CHECK(strokes > 1000);
  CHECK(ignored > 1000);
  CHECK(unmapped > 1000);
  CHECK(filter.double_triggers() > 1000);
}

TEST_CASE("the real-time watch sees the allocations of building a drum map",
          "[stroke_filter][realtime]") {
  std::size_t allocations = 0;
  {
    const test::ArmedThread armed;
    const DrumMap map = pocket::test::shipped_kit("gm");
    allocations = armed.counts().allocations;
    CHECK(map.pad_names().size() > 1);
  }
  CHECK(allocations > 0);
}
