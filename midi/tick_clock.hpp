#pragma once

#include <cstdint>
#include <vector>

#include "midi_file.hpp"

namespace pocket {

// Converts a MIDI file's ticks to seconds through its tempo map. Each tempo segment is a
// closed form from its start, so long files do not accumulate error.
class TickClock {
 public:
  explicit TickClock(const MidiFile& file);

  double seconds_at(double tick) const;
  // The tempo in effect at `tick`, in quarter notes per minute.
  double quarter_bpm_at(std::int64_t tick) const;

 private:
  struct Segment {
    std::int64_t tick;
    double seconds;
    double seconds_per_tick;
  };
  int ticks_per_quarter_;
  std::vector<Segment> segments_;  // never empty, first at tick 0
};

}  // namespace pocket
