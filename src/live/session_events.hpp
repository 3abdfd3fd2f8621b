#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/analysis.hpp"
#include "core/click_modes.hpp"
#include "core/schedule.hpp"
#include "core/tempo_ladder.hpp"

namespace pocket {

struct LiveResult;

// What a live session tells its views as it goes, on the session's own thread (never a
// callback's). The full-screen view, the line view, the JSON result and the history recorder
// each take what they need.

struct SessionStarted {
  std::string drill;
  std::string audio_device;
  std::string midi_port;
  double output_latency_ms = 0.0;
  double precision_bound_ms = 0.0;
  int buffer_frames = 0;
  double sample_rate = 0.0;
  std::vector<std::string> said_before;  // what pocket said before the click started
  std::string server_note;               // what the audio server is like (ClickOutput::server_note)
  std::string remote_pad;                // the pad that pauses and ends; empty: none
};

struct BarClosed {
  BarTally bar;
  double bpm = 0.0;
  bool click_silenced = false;        // the player's click mode left the bar without click
  std::vector<ScoredStroke> strokes;  // in time order, with their click_heard flags
  const std::vector<std::string>* pad_names = nullptr;
};

struct StepClosed {
  StepResult step;
  std::size_t index = 0;
  std::int64_t first_bar = 0;  // the bar the step started on
};

// The kit's MIDI port went away, or came back.
struct MidiPortChange {
  bool connected = false;
  std::string port;
  double at_seconds = 0.0;      // into the session, pauses left out
  double outage_seconds = 0.0;  // when back: how long it was away
};

// What the click does now.
enum class ClickState {
  count_in,
  heard,
  muted,               // the random mute left it out
  gap,                 // a gap bar of the drill (--gap): the player keeps time alone
  silent_while_tight,  // the player's timing holds it off
  quiet_count,         // a gap of the quiet count
  pausing,             // the player asked for a pause: it stops at the next bar line
  paused,
  waiting_for_hit,  // --start-on-hit: silent until the player hits a pad
};

// A ladder's step so far, against the pass rule.
struct StepProgress {
  std::size_t index = 0;  // 0-based
  double bpm = 0.0;
  int bars_played = 0;
  int bars_per_step = 0;
  Tally tally;  // of the step's closed bars
  PassRule rule;
};

// Sent at most 30 times a second, and whenever something shown changes.
struct SessionState {
  double seconds = 0.0;  // played, pauses left out
  double bpm = 0.0;
  std::int64_t bar = 0;  // the bar being heard; count-in bars are negative
  int beat = 0;          // 0-based
  int beats_in_bar = 4;
  ClickState click = ClickState::count_in;
  std::optional<StepProgress> step;
  std::int64_t underflows = 0;
  std::int64_t song_skips = 0;  // times the song's frames came too late: its file read too slowly
  bool midi_connected = true;
  bool can_nudge = false;  // +/- change the tempo (not in a ladder)
};

class SessionView {
 public:
  virtual ~SessionView() = default;
  virtual void started(const SessionStarted&) {}
  // A click the audio thread has rendered: heard `click_seconds` into the click track, which
  // is `now_seconds` in now.
  virtual void click_coming(const ClickEvent&, double /*click_seconds*/, double /*now_seconds*/) {}
  virtual void stroke_scored(const ScoredStroke&, const std::string& /*pad*/) {}
  virtual void bar_closed(const BarClosed&) {}
  virtual void step_closed(const StepClosed&) {}
  // The player's click mode decided to silence bars, or to bring the click back.
  virtual void click_mode_changed(const SilenceRequest&) {}
  virtual void quiet_gap_closed(const QuietGap&) {}
  virtual void midi_port_changed(const MidiPortChange&) {}
  virtual void state_changed(const SessionState&) {}
  virtual void ended(const LiveResult&) {}
};

// What the player asks for during a session.
enum class SessionKey { none, pause, faster, slower, quit };

// Where keys come from; polled by the session's thread, never blocking.
class SessionKeys {
 public:
  virtual ~SessionKeys() = default;
  virtual SessionKey poll() = 0;
};

}  // namespace pocket
