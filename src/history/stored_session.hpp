#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/analysis.hpp"
#include "store/session_store.hpp"

namespace pocket {

// The song a session played along with, as the history keeps it.
struct StoredSong {
  std::string file;  // its name
  std::string fingerprint;
  double speed = 1.0;   // a ladder's: its first step's
  double bpm = 0.0;     // its tempo at 100 %; 0 when not kept
  std::string section;  // the bars looped, "9:12"; empty: the whole song
};

// A session from the history with what the review commands need: its grid and its analysis,
// rebuilt from the stored strokes (which also serves sessions that never finished).
struct StoredSession {
  SessionRecord record;
  std::vector<StoredStroke> strokes;
  std::vector<StoredStep> steps;
  MeterCycle meters{4, 4};
  int grid = 4;
  std::vector<PadPattern> pattern;  // the drill's groove pattern, if it had one
  Swing swing;
  std::map<std::string, double> feel;  // pad -> intended ms
  std::vector<StickingLine> sticking;
  std::vector<std::string> pad_names;
  Analysis analysis;
  std::optional<StoredSong> song;

  // The session's bars and positions (its tempo is not kept here: positions only).
  Grid positions() const { return Grid::constant(120.0, meters, grid, 0.0, swing); }
};

// Throws UsageError when there is no such session.
StoredSession load_session(const SessionStore& store, std::int64_t id);

// "song.wav at 75 %", or on a ladder "song.wav from 70 % to 85 %" (its steps' lowest and
// highest), after "bars 9:12 of " for a section.
std::string song_speed_text(const StoredSong& song, const std::vector<StoredStep>& steps);

// "120 BPM" or "100-148 BPM".
std::string tempo_text(const SessionRecord& record);
// "finished", "interrupted" or "unfinished" (it never ended cleanly).
std::string status_text(const SessionRecord& record);

}  // namespace pocket
