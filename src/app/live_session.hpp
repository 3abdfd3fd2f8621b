#pragma once

#include <cstdio>
#include <optional>
#include <string>
#include <vector>

#include <map>

#include <nlohmann/json.hpp>

#include "audio/click_stream.hpp"
#include "core/analysis.hpp"
#include "core/click_log.hpp"
#include "core/click_modes.hpp"
#include "core/drill.hpp"
#include "core/tempo_ladder.hpp"
#include "midi/midi_input.hpp"
#include "session_events.hpp"

namespace pocket::app {

struct LiveOptions {
  StreamSettings audio;
  MidiInputSettings midi;
  DrumMap kit{"gm"};
  Drill drill;                 // meters, click, grid, pattern, tempo or ladder, click modes
  double minutes = 0.0;        // 0: no time limit
  std::int64_t max_bars = -1;  // stop after this many bars whatever the drill; -1: no limit
  double calibration_ms = 0.0;
  double input_latency_ms = 0.0;
  std::vector<SessionView*> views;       // told of everything the session does
  SessionKeys* keys = nullptr;           // the player's keys, when a view reads them
  std::FILE* feedback = stdout;          // where the commands' own messages go
  std::vector<std::string> said_before;  // told the player before the click: a view may repeat it
};

// What the player's click modes did.
struct ClickModeResult {
  std::int64_t clicks = 0;            // clicks of the drill
  std::int64_t randomly_muted = 0;    // left out by the random mute
  std::vector<SilentStretch> silent;  // silent while tight or quiet count: bars without click
  std::vector<QuietGap> quiet_gaps;   // quiet count: each gap and whether it held
};

// A time the kit's MIDI port was away during a session.
struct MidiOutage {
  double start_seconds = 0.0;  // into the session
  double seconds = 0.0;
};

struct LiveResult {
  Analysis analysis;
  std::vector<std::string> pad_names;
  std::optional<Grid> grid;    // the grid the session was scored against, with its tempos
  std::int64_t last_bar = -1;  // the last bar of the drill played through
  double start_bpm = 0.0;      // the first tempo the click played (a ladder's may be capped)
  double lowest_bpm = 0.0;     // the tempos it played, with the player's nudges
  double highest_bpm = 0.0;
  std::int64_t clicks_heard = 0;  // audible clicks the audio thread played
  std::vector<StepResult> steps;
  std::vector<std::int64_t> step_first_bars;  // the bar each step started on
  std::optional<LimitVerdict> verdict;
  std::string audio_device;
  std::string midi_port;
  double output_latency_ms = 0.0;
  int buffer_frames = 0;            // as the device runs it (on JACK: the server's period)
  double precision_bound_ms = 0.0;  // how precisely the MIDI backend times a stroke
  double midi_latency_ms = 0.0;     // the kit's port's declared latency, taken off its strokes
  std::int64_t underflows = 0;
  std::int64_t dropped_records = 0;
  CallbackDurations callback;          // how long the audio callback took
  std::vector<LateCycle> late_cycles;  // cycles the server did not run it on time (JACK)
  std::int64_t missed_cycles = 0;      // cycles the server ran without it (JACK)
  double seconds = 0.0;                // how long the click played
  double paused_seconds = 0.0;         // paused by the player, not part of `seconds`
  bool interrupted = false;            // Ctrl-C, q or SIGTERM
  bool audio_lost = false;             // the audio stream stopped on its own
  bool midi_lost = false;
  std::vector<MidiOutage> midi_outages;
  int midi_reconnects = 0;
  ClickModeResult modes;
  std::optional<double> ceiling_bpm;  // a ladder's highest tempo today
};

// Plays the click, listens to the kit, tells the views as it goes and, with a ladder, drives
// the tempo at bar lines; follows the player's keys (pause, tempo nudges, quit). Ends at the
// last bar, the time limit, the ladder's end, q or Ctrl-C. Prints nothing itself.
// Throws std::runtime_error when a device cannot be opened.
LiveResult run_live_session(const LiveOptions& options);

// The results of a session as JSON: the keys of `pocket score --json`, plus the session's.
std::string live_result_json(const LiveOptions& options, const LiveResult& result);
// What the click modes did, as JSON (`click_modes` of the result) and in words, a line each.
nlohmann::json click_modes_json(const Drill& drill, const ClickModeResult& modes);
std::string click_modes_text(const nlohmann::json& click_modes);
// What the history keeps as a session's summary: the keys of `pocket score --json`, the last
// bar played and what the click modes did.
nlohmann::json stored_summary_json(const LiveOptions& options, const LiveResult& result);

// Ctrl-C, SIGTERM and SIGHUP end a session cleanly; call once before run_live_session.
void install_interrupt_handler();

}  // namespace pocket::app
