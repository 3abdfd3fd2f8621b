#pragma once

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "core/human_timing.hpp"
#include "live/session_events.hpp"
#include "midi/midi_output.hpp"

namespace pocket {

// The demo's drummer: it hears each click as the session renders it, plays a stroke on every
// beat with human timing (kick and snare in turn) and sends it into pocket's MIDI port as a
// kit would, from a thread of its own. Like a player, it aims at the beat one interval after
// the last click, and moves a stroke not played yet when its click comes sooner or later than
// that (a new tempo).
class DemoDrummer final : public SessionView {
 public:
  // Plays into `port`, the session's virtual port, through `midi_api` ("alsa" or "jack").
  DemoDrummer(std::string midi_api, std::string port, HumanTiming timing);
  ~DemoDrummer() override;
  DemoDrummer(const DemoDrummer&) = delete;
  DemoDrummer& operator=(const DemoDrummer&) = delete;

  // Connects to pocket's port, open by now, and starts playing along.
  void started(const SessionStarted& start) override;
  void click_coming(const ClickEvent& click, double click_seconds, double now_seconds) override;
  void state_changed(const SessionState& state) override { beats_in_bar_ = state.beats_in_bar; }
  void ended(const LiveResult&) override { stop(); }

 private:
  using Clock = std::chrono::steady_clock;
  struct Planned {
    std::int64_t bar = 0;
    int beat = 0;
    double offset_ms = 0.0;
    Clock::time_point at;
    int note = 0;
  };
  void play();
  void stop();

  std::string midi_api_;
  std::string port_;
  std::optional<MidiOutput> out_;
  HumanDrummer human_;
  int beats_in_bar_ = 4;
  std::optional<Clock::time_point> last_click_;
  int strokes_ = 0;
  std::mutex mutex_;  // the plan, between the session's thread and the drummer's
  std::condition_variable changed_;
  std::vector<Planned> plan_;
  bool stopping_ = false;
  std::thread player_;
};

}  // namespace pocket
