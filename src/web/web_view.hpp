#pragma once

#include "live/session_events.hpp"
#include "web/page_server.hpp"

namespace pocket {

// The clock pages learn their offset from and time their beat flash by: the steady clock, in
// seconds. Not the click track's: that one stands still for a cycle the server missed, and a
// page's offset, learnt over seconds, would fall behind it.
double page_clock_seconds();

// The live session as messages to the page (see src/web/live_page.html for what each holds):
// built on the session's thread, handed to the server, which never makes this wait.
class WebView final : public SessionView {
 public:
  explicit WebView(PageServer& server) : server_(server) {}

  void started(const SessionStarted& start) override;
  void click_coming(const ClickEvent& click, double click_seconds, double now_seconds) override;
  void stroke_scored(const ScoredStroke& stroke, const std::string& pad) override;
  void bar_closed(const BarClosed& bar) override;
  void step_closed(const StepClosed& step) override;
  void click_mode_changed(const SilenceRequest& request) override;
  void quiet_gap_closed(const QuietGap& gap) override;
  void midi_port_changed(const MidiPortChange& change) override;
  void state_changed(const SessionState& state) override;
  void ended(const LiveResult& result) override;

 private:
  void say(const char* type, const std::string& text);

  PageServer& server_;
  std::int64_t strokes_ = 0;
};

}  // namespace pocket
