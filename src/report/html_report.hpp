#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/analysis.hpp"
#include "core/hand_timing.hpp"
#include "html_page.hpp"

namespace pocket {

struct ReportStroke {
  double seconds = 0.0;  // from the session start
  std::string pad;
  double offset_ms = 0.0;  // negative early, positive late
  std::string position;    // "1", "1e", "1&", "1a", ...
  bool on_beat = false;
};

struct ReportStep {
  double bpm = 0.0;
  double start_seconds = 0.0;  // where the step starts on the time axis
  int bars = 0;
  bool complete = true;
  bool passed = false;
  double slots_within_25ms = 0.0;  // 0..1
  double sd_offset_ms = 0.0;
  double mean_offset_ms = 0.0;
};

struct ReportData {
  std::string title;       // e.g. "Session 12"
  std::string started_at;  // ISO 8601
  std::string drill;       // play, ladder, score, ...
  std::string tempo;       // "120 BPM" or "100-148 BPM"
  std::string status;      // finished, interrupted, unfinished
  std::string summary;     // the plain-words line
  std::string verdict;     // ladder verdict or empty
  std::string goal;        // the drill's goal and its projection, or empty (user-influenced)
  std::string note;        // the player's note (user text!)
  std::string devices;     // audio and MIDI devices (user-influenced text)
  double precision_bound_ms = 0.0;
  TimingStats timing;
  std::int64_t missed = 0, extra = 0, double_triggers = 0;
  std::vector<PadTiming> pads;
  std::vector<PositionTiming> positions;
  std::vector<ReportStroke> strokes;
  std::vector<ReportStep> steps;      // empty unless a ladder
  std::string swing;                  // "swing: you swung 61 % on 8ths ...", or empty
  std::vector<std::string> feel;      // a line per pad with an intended placement
  std::vector<HandStats> hands;       // with a sticking
  std::string hands_summary;          // the two hands compared, or empty
  std::vector<std::string> dynamics;  // loudness in words, a line each
  std::optional<Dynamics> levels;     // with accents or ghost notes in the pattern
};

// One self-contained HTML page: inline CSS and inline SVG only; no scripts, no external
// resources, no network. Every piece of user text is HTML-escaped.
std::string html_report(const ReportData& data);

}  // namespace pocket
