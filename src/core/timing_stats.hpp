#pragma once

#include <cstdint>
#include <span>

namespace pocket {

// One stroke's timing: when it was played and how far off its slot it was.
struct TimedOffset {
  double seconds = 0.0;    // when it was played
  double offset_ms = 0.0;  // negative early, positive late
};

// The statistics pocket reports for a set of matched strokes.
struct TimingStats {
  std::int64_t hits = 0;
  double mean_offset_ms = 0.0;  // bias: negative early, positive late
  double sd_offset_ms = 0.0;    // consistency (sample standard deviation)
  double median_abs_offset_ms = 0.0;
  double within_10ms = 0.0;       // share of hits within +-10 ms, 0..1
  double within_25ms = 0.0;       // share of hits within +-25 ms, 0..1
  double drift_ms_per_min = 0.0;  // least-squares slope: negative rushing, positive dragging
  double drift_t = 0.0;           // the slope over its standard error, infinite on an exact line
  double span_minutes = 0.0;      // from the first hit to the last
};

TimingStats timing_stats(std::span<const TimedOffset> offsets);

// Sums that merge bar by bar, enough to judge a ladder step without keeping every stroke.
struct Tally {
  std::int64_t hits = 0;
  std::int64_t missed = 0;
  std::int64_t extra = 0;
  std::int64_t within_25ms = 0;
  double sum_ms = 0.0;
  double sum_squares_ms = 0.0;

  void add_hit(double offset_ms);
  Tally& operator+=(const Tally& other);
  double mean_ms() const;
  double sd_ms() const;
  // Share of expected slots (hits and misses) struck within +-25 ms.
  double slots_within_25ms() const;
};

}  // namespace pocket
