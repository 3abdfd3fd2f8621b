#pragma once

#include <cstdio>
#include <optional>
#include <string>
#include <vector>

#include "audio/click_stream.hpp"
#include "core/drill.hpp"
#include "live/live_result.hpp"
#include "live/session_events.hpp"
#include "live/session_song.hpp"
#include "midi/midi_input.hpp"
#include "midi/song_tempo_map.hpp"

namespace pocket {

struct LiveOptions {
  StreamSettings audio;
  MidiInputSettings midi;
  DrumMap kit{"gm"};
  Drill drill;                 // meters, click, grid, pattern, tempo or ladder, click modes
  double minutes = 0.0;        // 0: no time limit
  std::int64_t max_bars = -1;  // stop after this many bars whatever the drill; -1: no limit
  double calibration_ms = 0.0;
  double input_latency_ms = 0.0;
  std::vector<SessionView*> views;        // told of everything the session does
  SessionKeys* keys = nullptr;            // the player's keys, when a view reads them
  bool start_on_hit = false;              // the click waits, silent, for the player's first hit
  std::string remote_pad;                 // a pad of the kit that pauses and ends; empty: none
  std::optional<BackingOptions> backing;  // a song to play along with
  std::vector<BarTempo> tempo_changes;    // bar lines where the tempo changes (a song's map)
  double click_gain_db = 0.0;             // below -120: no click heard
  std::FILE* feedback = stdout;           // where the commands' own messages go
  std::vector<std::string> said_before;   // told the player before the click: a view may repeat it
};

// Plays the click, listens to the kit, tells the views as it goes and, with a ladder, drives
// the tempo at bar lines; follows the player's keys (pause, tempo nudges, quit), the start hit
// and the remote pad. Ends at the last bar, the time limit, the ladder's end, q, the remote's
// three taps or Ctrl-C. Prints nothing itself.
// Throws std::runtime_error when a device cannot be opened.
LiveResult run_live_session(const LiveOptions& options);

// Ctrl-C, SIGTERM and SIGHUP end a session cleanly; call once before run_live_session.
void install_interrupt_handler();

}  // namespace pocket
