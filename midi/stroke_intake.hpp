#pragma once

#include <array>
#include <atomic>
#include <cstddef>
#include <cstdint>
#include <map>

#include <boost/lockfree/spsc_queue.hpp>

#include "core/drum_map.hpp"
#include "stroke_filter.hpp"

namespace pocket {

// Where a kit's MIDI messages become strokes, whichever thread reads the kit: filters them
// (double triggers, unmapped notes, the hi-hat pedal) and queues the strokes for the session
// thread without allocating, locking or blocking.
class StrokeIntake {
 public:
  // [main-thread] The map must outlive the intake.
  StrokeIntake(const DrumMap& map, double double_trigger_ms);

  // [MIDI thread] One message, played at `seconds` on the stream clock.
  void on_message(const unsigned char* bytes, std::size_t size, double seconds);

  // [one reader thread] Strokes in the order they came.
  bool pop(Stroke& stroke) { return strokes_.pop(stroke); }
  // [any thread]
  std::int64_t double_triggers() const { return double_triggers_.load(std::memory_order_relaxed); }
  // [any thread] Strokes lost because the reader fell behind.
  std::int64_t dropped() const { return dropped_.load(std::memory_order_relaxed); }
  // [any thread] Note-ons on notes the map does not cover, per note.
  std::map<int, std::int64_t> unmapped_notes() const;

 private:
  StrokeFilter filter_;
  boost::lockfree::spsc_queue<Stroke, boost::lockfree::capacity<8192>> strokes_;
  std::atomic<std::int64_t> double_triggers_{0};
  std::atomic<std::int64_t> dropped_{0};
  std::array<std::atomic<std::int64_t>, 128> unmapped_{};
};

}  // namespace pocket
