#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "click_pattern.hpp"
#include "swing.hpp"
#include "tempo_map.hpp"

namespace pocket {

// Why a click is not heard.
enum class MuteReason : std::uint8_t {
  none,
  rest,      // a '.' beat of the accent pattern
  gap,       // a muted bar of gap-click practice
  random,    // left out by the random mute
  silenced,  // the player's click mode: silent while tight, quiet count
};

struct ClickEvent {
  std::int64_t frame = 0;  // sample index, from the start of the track, at which it is heard
  std::int64_t bar = 0;    // bar of the drill; count-in bars are negative
  int beat = 0;            // 0-based beat in the bar
  int subdivision = 0;     // 0 on the beat, 1.. for the clicks between beats
  ClickLevel level = ClickLevel::beat;
  bool audible = true;  // false in muted gap bars, on silent ('.') beats, ...
  MuteReason muted_by = MuteReason::none;
};

// The click at a position: its level from the accent marks, left out for `bar_mute` (none,
// gap, random or silenced) or on a '.' beat.
ClickEvent make_click(char accent_mark, MuteReason bar_mute, std::int64_t bar, int beat,
                      int subdivision, std::int64_t frame);

// Gap-click muting: bars of the drill (from 0) that fall in the silent part of the cycle.
bool gap_muted(const GapPattern& gap, std::int64_t bar);

// Every click of a drill, at exact frames: frame = round(sample_rate * t), with t taken from
// the tempo map's closed form. Pure and allocation-free after construction.
class Schedule {
 public:
  // Subdivisions are swung by `swing` (its unit resolved).
  // Throws std::invalid_argument for a bad pattern, rate or accent length.
  Schedule(const TempoMap& drill, ClickPattern pattern, double sample_rate, Swing swing = {});

  double sample_rate() const { return sample_rate_; }
  const Swing& swing() const { return swing_; }
  const ClickPattern& pattern() const { return pattern_; }
  // The count-in (if any) as its first section, then the drill.
  const TempoMap& tempo_map() const { return map_; }

  std::int64_t first_bar() const { return -pattern_.count_in_bars; }
  std::int64_t end_bar() const { return map_.total_bars() - pattern_.count_in_bars; }
  // The frame at which the last bar ends.
  std::int64_t end_frame() const { return frame_at(end_bar(), 0.0); }

  std::int64_t frame_at(std::int64_t bar, double beat) const;
  ClickEvent click_at(std::int64_t bar, int beat, int subdivision) const;
  bool is_muted(std::int64_t bar) const;

  // Walks the clicks in time order. [any thread] never allocates.
  class Cursor {
   public:
    explicit Cursor(const Schedule& schedule);
    bool done() const { return bar_ >= schedule_->end_bar(); }
    const ClickEvent& current() const { return event_; }
    void advance();

   private:
    void load();

    const Schedule* schedule_;
    std::int64_t bar_;
    int beat_ = 0;
    int subdivision_ = 0;
    int beats_in_bar_ = 0;
    ClickEvent event_;
  };

 private:
  TempoMap map_;
  ClickPattern pattern_;
  Swing swing_;
  double sample_rate_;
  std::vector<std::string> accents_;  // per section of map_
};

}  // namespace pocket
