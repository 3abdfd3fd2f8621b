#pragma once

#include <array>
#include <cstdint>

#include "core/analysis.hpp"
#include "core/drum_map.hpp"

namespace pocket {

// Turns note-ons into strokes: only mapped notes with velocity > 0 count (the caller counts the
// unmapped ones); a second note-on on the same pad within the double-trigger window is
// counted, not scored. Tracks the hi-hat pedal (the kit's controller, CC4 by default).
// Allocation-free after construction, so the MIDI callback may use it.
class StrokeFilter {
 public:
  enum class Result { stroke, double_trigger, unmapped, ignored };

  // [main-thread] The map must outlive the filter.
  explicit StrokeFilter(const DrumMap& map, double double_trigger_ms = 10.0);

  // [any thread] Fills `stroke` when the result is Result::stroke.
  Result note_on(double seconds, int note, int velocity, Stroke& stroke);
  // [any thread]
  void control_change(int controller, int value);

  std::int64_t double_triggers() const { return double_triggers_; }

  // Hi-hat pedal position, 0 (open) to 127 (closed).
  int hihat_pedal() const { return hihat_pedal_; }

 private:
  // The pedal is a separate limb from the sticks on the same hi-hat: its own trigger slot.
  static constexpr int kSlots = 2 * DrumMap::kMaxPads;

  const DrumMap& map_;
  double window_seconds_;
  std::array<double, kSlots> last_seconds_;
  std::int64_t double_triggers_ = 0;

  int hihat_pedal_ = 0;
};

}  // namespace pocket
