#pragma once

#include <cstdint>
#include <vector>

#include "meter.hpp"

namespace pocket {

inline constexpr double kMinBpm = 20.0;
inline constexpr double kMaxBpm = 400.0;

// A run of bars in one meter, at a constant tempo or ramping linearly from start_bpm to
// end_bpm. In a ramp the tempo grows in equal amounts per beat, so every bar is a little
// faster than the one before.
struct TempoSection {
  Meter meter;
  std::int64_t bars = 1;
  double start_bpm = 120.0;  // beats of meter.unit per minute, 20..400
  double end_bpm = 120.0;    // equal to start_bpm for a constant tempo

  bool is_ramp() const { return end_bpm != start_bpm; }
};

// Where every beat falls in time. Times come from a closed form per section (linear for a
// constant tempo, logarithmic for a ramp), never from summing per-beat increments, so they
// do not drift over any length.
class TempoMap {
 public:
  // Throws std::invalid_argument naming the section and what is wrong.
  explicit TempoMap(std::vector<TempoSection> sections);

  const std::vector<TempoSection>& sections() const { return sections_; }
  std::int64_t total_bars() const { return first_bar_.back(); }
  double total_seconds() const { return start_seconds_.back(); }

  // Seconds from the start of bar 0 to `beat` beats into `bar` (beat may be fractional).
  double seconds_at(std::int64_t bar, double beat) const;
  // The tempo at that point, in BPM.
  double bpm_at(std::int64_t bar, double beat) const;
  Meter meter_of(std::int64_t bar) const;
  // The section holding `bar`; bars past the end belong to the last section.
  std::size_t section_of(std::int64_t bar) const;

 private:
  std::vector<TempoSection> sections_;
  std::vector<std::int64_t> first_bar_;  // per section, plus the total at the end
  std::vector<double> start_seconds_;    // per section, plus the total at the end
};

}  // namespace pocket
