#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "audio/callback_timer.hpp"
#include "audio/cycle_watch.hpp"
#include "core/analysis.hpp"
#include "core/click_log.hpp"
#include "core/click_modes.hpp"
#include "core/grid.hpp"
#include "core/tempo_ladder.hpp"

namespace pocket {

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

// A pause of the click: it held at the bar line of `bar`, `at_seconds` into the click track,
// for `seconds`.
struct ClickPause {
  std::int64_t bar = 0;
  double at_seconds = 0.0;
  double seconds = 0.0;
};

// What the remote pad did: each tap that asked something, and what.
struct RemoteUse {
  enum class Did { pause, resume, end };
  struct Action {
    double seconds = 0.0;  // the tap, on the click track
    Did did = Did::pause;
  };
  std::string pad;
  int taps = 0;  // every stroke on the pad, those that only counted towards the end included
  std::vector<Action> actions;
};

// The song played along with (--backing), and what became of it.
struct BackingResult {
  std::string file;
  double speed = 1.0;
  double first_bar_seconds = 0.0;  // where its first bar line is in the file
  int file_rate = 0;               // Hz
  bool resampled = false;          // the file's rate was not the device's
  std::int64_t skips = 0;          // times it skipped because its frames came too late
  int section_from = 0;            // the song's bars looped, from this one (1: its first); 0: none
  int section_bars = 0;
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
  std::optional<BackingResult> backing;
  std::vector<StepResult> steps;
  std::vector<std::int64_t> step_first_bars;  // the bar each step started on
  std::optional<LimitVerdict> verdict;
  std::string audio_device;
  std::string midi_port;
  double output_latency_ms = 0.0;
  int buffer_frames = 0;            // as the device runs it (on JACK: the server's period)
  std::string server_note;          // ClickOutput::server_note() once the click ran
  double precision_bound_ms = 0.0;  // how precisely the MIDI backend times a stroke
  double midi_latency_ms = 0.0;     // the kit's port's declared latency, taken off its strokes
  std::int64_t underflows = 0;
  std::int64_t dropped_records = 0;
  CallbackDurations callback;          // how long the audio callback took
  std::vector<LateCycle> late_cycles;  // cycles the server did not run it on time (JACK)
  std::int64_t missed_cycles = 0;      // cycles the server ran without it (JACK)
  double seconds = 0.0;                // how long the click played
  double paused_seconds = 0.0;         // paused by the player, not part of `seconds`
  std::vector<ClickPause> pauses;
  std::optional<double> waited_seconds;  // --start-on-hit: the click waited this long for the hit
  std::optional<RemoteUse> remote;       // with a remote pad
  bool interrupted = false;              // Ctrl-C, q or SIGTERM
  bool audio_lost = false;               // the audio stream stopped on its own
  bool midi_lost = false;
  std::vector<MidiOutage> midi_outages;
  int midi_reconnects = 0;
  ClickModeResult modes;
  std::optional<double> ceiling_bpm;  // a ladder's highest tempo today
};

}  // namespace pocket
