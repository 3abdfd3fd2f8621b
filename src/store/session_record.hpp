#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace pocket {

// One practice session as the history keeps it.
struct SessionRecord {
  std::int64_t id = 0;
  std::string started_at;         // ISO 8601, UTC
  std::string ended_at;           // empty while running, or when it never ended cleanly
  std::string drill;              // a drill's name, or play, ladder, calibrate, score
  std::string drill_fingerprint;  // of the drill's file; empty for play, ladder, ...
  std::string settings_json;      // bpm, meter, grid, ladder settings, ...
  std::string audio_device;
  std::string midi_port;
  double output_latency_ms = 0.0;
  double calibration_ms = 0.0;
  double input_latency_ms = 0.0;
  double precision_bound_ms = 0.0;
  double bpm_low = 0.0;  // the tempo, or the range a ladder covered
  double bpm_high = 0.0;
  // running (or crashed: never finished), finished, interrupted (the player stopped it), lost
  std::string status = "running";
  std::string summary_json;  // the analysis, as `pocket score --json` prints it
  std::string verdict;       // the summary line, or the ladder's verdict
  std::string note;

  // Still "running" (the program died) or "lost" (its audio server or MIDI port went away):
  // not the end the player chose.
  bool unfinished() const { return status == "running" || status == "lost"; }
};

struct StoredStroke {
  std::int64_t frame = 0;  // sample frame of the stroke, from the stream start
  double seconds = 0.0;    // the same, in seconds
  std::string pad;
  int velocity = 0;
  std::int64_t slot = 0;  // the grid slot it was matched to
  std::int64_t bar = 0;
  double offset_ms = 0.0;
  bool matched = true;      // false: an extra stroke (its pad already had the slot)
  bool click_heard = true;  // false: the click it answered was left out
};

struct StoredStep {
  int index = 0;
  double bpm = 0.0;
  int bars = 0;
  bool complete = false;
  bool passed = false;
  std::int64_t hits = 0;
  std::int64_t missed = 0;
  double mean_offset_ms = 0.0;
  double sd_offset_ms = 0.0;
  double slots_within_25ms = 0.0;
  std::int64_t first_bar = 0;  // the bar the step started on
};

// A tempo the player chose to reach on a drill.
struct StoredGoal {
  std::string drill;
  double bpm = 0.0;
  std::string by_date;  // YYYY-MM-DD, or empty
  std::string set_at;   // ISO 8601, UTC
};

struct HistoryFilter {
  std::string drill;  // empty: all
  std::string since;  // ISO date, empty: all
  int limit = 20;     // below 0: no limit
};

// A pad's part of a session digest.
struct PadDigest {
  std::string pad;
  std::int64_t hits = 0;
  double mean_offset_ms = 0.0;
  double sd_offset_ms = 0.0;
  double within_25ms = 0.0;  // share of its hits
};

// What the review of many sessions needs of one, kept when it ends so that reading a history
// never re-reads every stroke: its timing as `show` rebuilds it from the strokes, and the tempo
// it held.
struct SessionDigest {
  std::int64_t hits = 0;
  std::int64_t missed = 0;
  double mean_offset_ms = 0.0;
  double sd_offset_ms = 0.0;
  double within_10ms = 0.0;  // shares of hits
  double within_25ms = 0.0;
  double slots_within_25ms = 0.0;  // share of slots, misses counted
  std::optional<double> held_bpm;  // see held_tempo()
  std::vector<PadDigest> pads;
};

// A session as a list of many shows it: its record without the texts only one session's view
// reads (settings, summary), and its digest when one is kept.
struct SessionOutline {
  std::int64_t id = 0;
  std::string started_at;
  std::string drill;
  std::string status;
  double bpm_low = 0.0;
  double bpm_high = 0.0;
  std::optional<SessionDigest> digest;  // without its pads
};

}  // namespace pocket
