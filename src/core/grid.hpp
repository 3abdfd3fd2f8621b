#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "meter_cycle.hpp"
#include "swing.hpp"

namespace pocket {

// The expected slots of a performance: slot i is heard at seconds_of(i). Slot 0 is the first
// slot of bar 0. The map from slot to time is piecewise linear, which is exact for constant
// tempos and for MIDI tempo maps (tempo changes between slots included). Bars follow a meter
// cycle (one meter, or e.g. 7/8 then 4/4); a position counts slots from the cycle's start.
// In a song's meters (MeterCycle::of_song) a position counts slots from its bar's start, in
// that bar's meter: "3/4:2" is the second beat of every 3/4 bar.
// A swung grid moves the off-beat slots of each pair within their bar (see Swing); the tempo
// map still runs straight underneath.
class Grid {
 public:
  struct Segment {
    double slot = 0.0;     // where the segment starts, in slots (may be fractional)
    double seconds = 0.0;  // time of that point
    double seconds_per_slot = 0.0;
  };

  // `slots_per_whole`: 4 quarters, 8 eighths, 12 eighth-triplets, 16 sixteenths, ...
  // Throws std::invalid_argument for segments that do not move forward in time.
  // Throws std::invalid_argument also when the grid does not divide a bar of every meter, or
  // cannot swing as asked (see resolve_swing).
  Grid(std::vector<Segment> segments, MeterCycle meters, int slots_per_whole, Swing swing = {});

  // A constant tempo (in BPM of the first meter's unit) starting at `start_seconds`.
  static Grid constant(double bpm, const MeterCycle& meters, int slots_per_whole,
                       double start_seconds = 0.0, Swing swing = {});
  // Seconds per slot at `bpm` (counting the first meter's unit).
  static double seconds_per_slot(double bpm, const MeterCycle& meters, int slots_per_whole);

  double seconds_of(std::int64_t slot) const;
  // The slot nearest in time to `seconds` (may be negative before the start). A time exactly
  // half-way between two slots belongs to the later one.
  std::int64_t nearest_slot(double seconds) const;
  // The slot's straight length, for "within half a slot".
  double slot_seconds(std::int64_t slot) const;

  int slots_per_whole() const { return slots_per_whole_; }
  const MeterCycle& meters() const { return meters_; }
  // The swing, its unit resolved; straight (50 %) when the grid does not swing.
  const Swing& swing() const { return swing_; }
  // Slots in a bar, at least 1.
  int slots_in_bar(std::int64_t bar) const;
  std::int64_t first_slot_of_bar(std::int64_t bar) const;
  std::int64_t bar_of(std::int64_t slot) const;

  // Positions of the meter cycle (the slots of one bar for a single meter).
  int positions() const { return static_cast<int>(cycle_start_.back()); }
  int position_of(std::int64_t slot) const;
  // True when the position is the first slot of a bar.
  bool starts_bar(int position) const;
  // "1", "1e", "1&", "1a" for sixteenths; "1", "1&" for eighths; "1", "1t", "1l" for triplets.
  // In a cycle of several meters the bar of the cycle comes first: "2:3&"; in a song's meters,
  // the meter: "3/4:2".
  std::string position_label(int position) const;
  // True when the position falls on a beat of its bar's meter.
  bool on_beat(int position) const;

 private:
  const Segment& segment_at_slot(double slot) const;
  // The straight time of a point between slots.
  double straight_seconds(double slot) const;
  // The bar of the cycle a position is in, and the position within that bar.
  std::pair<std::size_t, int> bar_and_slot(int position) const;

  std::vector<Segment> segments_;
  MeterCycle meters_;
  int slots_per_whole_;
  Swing swing_;
  std::vector<std::int64_t>
      cycle_start_;  // first position of each bar of the cycle, then its length
  std::vector<std::int64_t> run_first_slot_;  // per run of a song's meters
};

// Throws std::invalid_argument unless 1 <= slots_per_whole <= 64.
void validate_grid(int slots_per_whole);

}  // namespace pocket
