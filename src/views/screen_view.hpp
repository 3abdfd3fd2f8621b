#pragma once

#include <deque>
#include <optional>
#include <string>
#include <vector>

#include "live/session_events.hpp"
#include "views/full_screen.hpp"
#include "views/redraw_pacer.hpp"

namespace pocket {

// The live session as one screen, readable from the drum throne: the latest offset in large
// characters, an early/late meter with a lane per pad played (the last strokes as fading
// marks, bands at 10 and 25 ms), tempo, bar and beat, what the click does, a ladder's step
// against its pass rule, each pad's rolling mean and SD, and a warning when audio underflows.
// Redrawn at most 30 times a second, from the session's thread. Gives the terminal back when
// the session ends.
class ScreenView final : public SessionView {
 public:
  explicit ScreenView(FullScreen& screen) : screen_(screen) {}

  void started(const SessionStarted& start) override;
  void stroke_scored(const ScoredStroke& stroke, const std::string& pad) override;
  void bar_closed(const BarClosed& bar) override;
  void step_closed(const StepClosed& step) override;
  void click_mode_changed(const SilenceRequest& request) override;
  void quiet_gap_closed(const QuietGap& gap) override;
  void midi_port_changed(const MidiPortChange& change) override;
  void state_changed(const SessionState& state) override;
  void ended(const LiveResult& result) override;

 private:
  struct Lane {
    std::string pad;
    std::deque<double> marks;                 // the last strokes' offsets, newest last
    std::deque<Tally> bars;                   // the last bars' matched strokes, newest last
    std::deque<std::vector<int>> velocities;  // the same bars' velocities, newest last
  };
  Lane& lane(const std::string& pad);
  void draw();
  void draw_header(int width);
  void draw_latest(int width, int top);
  void draw_meter(int width, int top, int last_row);
  void draw_footer(int width, int height);

  FullScreen& screen_;
  SessionStarted start_;
  SessionState state_;
  std::optional<double> latest_ms_;
  std::string latest_pad_;
  std::vector<Lane> lanes_;
  std::string notice_;  // the last step's result or click-mode decision; at first, what was
                        // said before the click
  RedrawPacer pacer_;
};

}  // namespace pocket
