#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "midi/song_tempo_map.hpp"

namespace pocket {

// The click's tempo changes in a session, in bar order: a song's tempo map (or one tempo), and
// a ladder's steps, each from a bar line on. A step sets the share of the map the session plays
// at: a step to 90 BPM on a song that opens at 100 plays its 120 BPM bars at 108. A looped
// section's map starts again on every pass. The click holds one waiting change at a time, so
// the session asks for them one by one (next_after), each with its tempo as decided when asked.
// Clock-free.
class TempoChanges {
 public:
  // `tempos`: the map at the session's first speed, its first at bar 0 (the drill's tempo).
  // `loop_bars` > 0: the map's bars from bar 0 on, this many, again and again.
  explicit TempoChanges(std::vector<BarTempo> tempos, std::int64_t loop_bars = 0);

  // A ladder's step: from the bar line of `bar` on, `step_bpm` where the map plays its first
  // tempo. `bar` is later than any step before.
  void step_from(std::int64_t bar, double step_bpm);
  // The click's tempo from the bar line of `bar` on.
  double bpm_at(std::int64_t bar) const;
  // The first change after the bar line of `bar`, at its tempo.
  std::optional<BarTempo> next_after(std::int64_t bar) const;

 private:
  // The map's own tempo at `bar` and its first change after it, its loop followed.
  double map_bpm_at(std::int64_t bar) const;
  std::optional<std::int64_t> next_map_change(std::int64_t bar) const;

  std::vector<BarTempo> map_;
  std::int64_t loop_bars_;
  std::vector<BarTempo> steps_;  // the ladder's, in order
};

}  // namespace pocket
