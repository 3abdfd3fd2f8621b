#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "meter.hpp"

namespace pocket {

// A meter from a bar line on, in a song's run of meters.
struct MeterChange {
  std::int64_t bar = 0;
  Meter meter;
};

// A repeating sequence of meters: bar 0 has the first, bar 1 the second, and so on round the
// cycle. Count-in bars (negative) have the first meter. A single meter is a cycle of one.
// The tempo counts the first meter's unit, and a note value lasts the same in every bar, so
// 7/8 then 4/4 at 180 BPM keeps the eighth note at a third of a second throughout.
// Or a song's meters (of_song): each from its bar line on, the last holding to the end; its
// meters are then the different ones, in the order the song first plays them.
class MeterCycle {
 public:
  // A run of bars in one of the meters.
  struct Run {
    std::int64_t first_bar = 0;
    std::size_t meter = 0;       // its index in meters()
    double wholes_before = 0.0;  // whole notes from bar 0 to first_bar
    friend bool operator==(const Run&, const Run&) = default;
  };

  MeterCycle(Meter meter);  // NOLINT(google-explicit-constructor): one meter is a cycle
  MeterCycle(int beats, int unit) : MeterCycle(Meter{beats, unit}) {}
  // Throws std::invalid_argument for an empty list or a bad meter.
  explicit MeterCycle(std::vector<Meter> meters);
  // The first change is at bar 0, the others later in order, each to another meter. A song in
  // one meter is a cycle of one. Throws std::invalid_argument naming the change that is wrong.
  static MeterCycle of_song(const std::vector<MeterChange>& changes);

  const std::vector<Meter>& meters() const { return meters_; }
  std::size_t size() const { return meters_.size(); }
  const Meter& first() const { return meters_.front(); }
  // The note value the tempo counts: the first meter's unit.
  int tempo_unit() const { return meters_.front().unit; }

  // A song's runs (of_song); empty for a cycle.
  const std::vector<Run>& runs() const { return runs_; }
  // The run holding `bar` (0 or more; a cycle has none).
  std::size_t run_of(std::int64_t bar) const;
  // Where a position's bar is named in labels: its bar of the cycle ("2:") or, in a song's
  // meters, its meter ("3/4:"); nothing for a single meter.
  std::string label_prefix(std::size_t meter_index) const;

  // Which meter of the cycle a bar has; count-in bars have the first.
  std::size_t index_of(std::int64_t bar) const;
  const Meter& meter_of(std::int64_t bar) const { return meters_[index_of(bar)]; }
  // Whole notes from the start of bar 0 to the start of `bar` (negative before bar 0).
  // Exact: every bar length is a sum of powers of two.
  double wholes_before(std::int64_t bar) const;

  // The number the cycle's first bar is called by in labels: 1, or a song's bar when the cycle
  // is a section of it (9 for bars 9 to 12).
  int first_bar_number() const { return first_bar_number_; }
  void number_bars_from(int number) { first_bar_number_ = number; }

  friend bool operator==(const MeterCycle&, const MeterCycle&) = default;

 private:
  std::vector<Meter> meters_;
  std::vector<double> wholes_before_;  // per meter of the cycle, and the cycle's length last
  std::vector<Run> runs_;
  int first_bar_number_ = 1;
};

// Parses "4/4", a cycle "7/8,4/4", or a song's meters "4/4,3/4@9,4/4@10" (from bar 9, 3/4;
// from bar 10, 4/4; bars counted from 1). Throws std::invalid_argument naming what is wrong.
MeterCycle parse_meter_cycle(std::string_view text);
// "4/4", "7/8,4/4" or "4/4,3/4@9,4/4@10".
std::string to_string(const MeterCycle& cycle);

}  // namespace pocket
