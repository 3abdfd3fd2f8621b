#pragma once

#include <cstdio>

#include "live/session_events.hpp"

namespace pocket {

// A live session as lines of text, one per stroke, bar, step and click-mode decision: for a
// pipe, a log, or --view lines.
class LineView final : public SessionView {
 public:
  // `stroke_lines`: a line for every stroke (--quiet leaves them out).
  LineView(std::FILE* out, bool stroke_lines) : out_(out), stroke_lines_(stroke_lines) {}

  void started(const SessionStarted& start) override;
  void stroke_scored(const ScoredStroke& stroke, const std::string& pad) override;
  void bar_closed(const BarClosed& bar) override;
  void step_closed(const StepClosed& step) override;
  void click_mode_changed(const SilenceRequest& request) override;
  void quiet_gap_closed(const QuietGap& gap) override;
  void midi_port_changed(const MidiPortChange& change) override;
  void state_changed(const SessionState& state) override;

 private:
  std::FILE* out_;
  bool stroke_lines_;
  bool waiting_ = false;  // the click waits for a start hit, and the line says so
};

// "step 2 at 103 BPM: 92% of slots within 25 ms, SD 8.1 ms: solid"
std::string step_line(const StepResult& step, std::size_t index);
// "tight: the click drops out from bar 9", "next gap: 2 bars without the click from bar 12"
std::string silence_line(const SilenceRequest& request);
// "gap of 2 bars from bar 12: 94% of slots within 25 ms, held"
std::string gap_line(const QuietGap& gap);
// "the kit's port TD-17:midi_out went away: ...", "... is back after 4.1 s: scoring again"
std::string midi_port_line(const MidiPortChange& change);
// "remote pad aux1: one hit pauses or goes on at the bar line, three within 1.5 s end"
std::string remote_pad_line(const std::string& pad);

}  // namespace pocket
