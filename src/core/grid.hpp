#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "meter.hpp"

namespace pocket {

// The expected slots of a performance: slot i is heard at seconds_of(i). Slot 0 is the first
// slot of bar 0. The map from slot to time is piecewise linear, which is exact for constant
// tempos and for MIDI tempo maps (tempo changes between slots included).
class Grid {
 public:
  struct Segment {
    double slot = 0.0;     // where the segment starts, in slots (may be fractional)
    double seconds = 0.0;  // time of that point
    double seconds_per_slot = 0.0;
  };

  // `slots_per_whole`: 4 quarters, 8 eighths, 12 eighth-triplets, 16 sixteenths, ...
  // Throws std::invalid_argument for segments that do not move forward in time.
  Grid(std::vector<Segment> segments, Meter meter, int slots_per_whole);

  // A constant tempo (in BPM of the meter's unit) starting at `start_seconds`.
  static Grid constant(double bpm, Meter meter, int slots_per_whole, double start_seconds = 0.0);

  double seconds_of(std::int64_t slot) const;
  // The slot nearest in time to `seconds` (may be negative before the start).
  std::int64_t nearest_slot(double seconds) const;
  // The slot's length, for "within half a slot".
  double slot_seconds(std::int64_t slot) const;

  int slots_per_whole() const { return slots_per_whole_; }
  // Slots in one bar, at least 1.
  int slots_per_bar() const { return slots_per_bar_; }
  std::int64_t bar_of(std::int64_t slot) const;
  int position_in_bar(std::int64_t slot) const;
  // "1", "1e", "1&", "1a" for sixteenths; "1", "1&" for eighths; "1", "1t", "1l" for triplets.
  std::string position_label(int position) const;
  // True when the position falls on a beat of the meter.
  bool on_beat(int position) const;

 private:
  const Segment& segment_at_slot(double slot) const;

  std::vector<Segment> segments_;
  Meter meter_;
  int slots_per_whole_;
  int slots_per_bar_;
};

// Throws std::invalid_argument unless 1 <= slots_per_whole <= 64.
void validate_grid(int slots_per_whole);

}  // namespace pocket
