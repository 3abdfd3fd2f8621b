#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "click_source.hpp"
#include "meter_cycle.hpp"
#include "swing.hpp"

namespace pocket {

// The click of a live session, whose tempo may change on any bar line not yet reached (a
// ladder decides as it goes) and whose drill bars may be silenced by the player's click mode.
// Each tempo holds from its bar line in closed form:
// frame = round(rate * (section start + whole notes since its bar line * seconds per whole)),
// so nothing drifts. After construction nothing here allocates: the audio thread owns it.
class LiveSchedule final : public ClickSource {
 public:
  struct Section {
    std::int64_t first_bar = 0;
    double start_seconds = 0.0;  // time of the section's first bar line from the stream start
    double bpm = 120.0;          // counting the first meter's unit
  };

  // [main-thread] Plays `bars` bars after the count-in (or without end when bars < 0), its
  // subdivisions swung by `swing` (its unit resolved).
  // Throws std::invalid_argument for a bad meter, tempo, pattern or rate.
  LiveSchedule(MeterCycle meters, double bpm, ClickPattern pattern, double sample_rate,
               std::int64_t bars, Swing swing = {});

  // [audio-thread] From the bar line of `bar` on, play at `bpm`. A bar that has already
  // started moves the change to the next bar line. One change waits at a time: a newer one
  // replaces it. Returns the bar the change takes effect.
  std::int64_t change_tempo(std::int64_t bar, double bpm);
  // [audio-thread] Silence the drill's clicks from the bar line of `from_bar` up to (not
  // including) `to_bar` (INT64_MAX: until told). A bar that has already started moves both
  // ends by the same number of bars. Replaces any silence not yet over. Returns the first bar.
  std::int64_t silence(std::int64_t from_bar, std::int64_t to_bar);
  // [audio-thread] End the silence at the bar line of `bar` (or the next one not yet started).
  std::int64_t end_silence(std::int64_t bar);
  // [audio-thread] Ends the click at the next bar line.
  void finish_after_current_bar();
  // [audio-thread] Hold the click at the bar line of `bar` (or the next one not yet started):
  // nothing plays and no bar goes by until resume(). Returns the bar it holds before.
  std::int64_t pause(std::int64_t bar);
  // [audio-thread] Go on: a held click starts its bar `at_seconds` into the stream (a new
  // section, so later bars keep the closed form); a pause not reached yet is called off.
  void resume(double at_seconds);
  // [audio-thread] True while the click holds at a bar line.
  bool holding() const { return holding_; }
  // Counts the sections so far: it changes whenever a new tempo or a resume takes effect.
  std::int64_t sections_started() const { return sections_started_; }

  // [audio-thread]
  bool done() const override { return bar_ >= end_bar_; }
  const ClickEvent& current() const override { return event_; }
  void advance() override;

  const Section& section() const { return section_; }
  const MeterCycle& meters() const { return meters_; }
  std::int64_t first_bar() const { return -pattern_.count_in_bars; }
  std::int64_t end_bar() const { return end_bar_; }
  double seconds_at(std::int64_t bar, double beat) const;
  bool silenced(std::int64_t bar) const { return bar >= silence_from_ && bar < silence_to_; }

 private:
  // The first bar line a change can still reach.
  std::int64_t next_bar_line() const;
  void load();

  MeterCycle meters_;
  ClickPattern pattern_;
  Swing swing_;
  std::vector<std::string> accents_;  // per meter of the cycle
  double sample_rate_;
  std::int64_t end_bar_;
  Section section_;
  Section pending_;
  bool has_pending_ = false;
  std::int64_t silence_from_ = 0;
  std::int64_t silence_to_ = 0;  // empty
  std::int64_t pause_bar_;       // the bar line to hold at; kUntilTold: none
  bool holding_ = false;
  std::int64_t sections_started_ = 1;
  std::int64_t bar_;
  int beat_ = 0;
  int subdivision_ = 0;
  ClickEvent event_;
};

}  // namespace pocket
