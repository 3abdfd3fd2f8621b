#pragma once

#include <optional>
#include <span>
#include <string>
#include <vector>

namespace pocket {

// What a section of the page follows: a drill's tempo in BPM, or a song's speed in percent
// of the song's own tempo (80 is 80 %).
enum class ProgressMeasure { tempo, speed };

// One session of a drill on the way.
struct ProgressPoint {
  std::string date;                // YYYY-MM-DD
  std::optional<double> held_bpm;  // the tempo (or speed) it held; none when none
  double sd_ms = 0.0;
};

// One drill's (or song's) history, goal and the next sessions' ceiling. For a song, every value
// in BPM below is a speed in percent instead.
struct DrillProgress {
  ProgressMeasure measure = ProgressMeasure::tempo;
  std::string drill;                       // the drill's name, or the song's file name
                                           // (user-influenced text: escaped)
  std::vector<ProgressPoint> points;       // oldest first
  std::optional<double> consolidated_bpm;  // the drill's consolidated tempo now
  std::optional<double> goal_bpm;          // the player's goal, when set
  std::string goal_by;                     // YYYY-MM-DD or empty
  std::string goal_text;                   // the projection in words (may be empty)
  double max_increase_percent = 5.0;       // healthy pace: a session climbs at most this
                                           // much above the consolidated tempo
  std::string today;                       // YYYY-MM-DD: where "ahead" starts
  std::string suggestion;                  // the next session in words
};

// ▁▂▃▄▅▆▇█ for the values, lowest to highest; a gap (space) for a missing one.
std::string sparkline(std::span<const std::optional<double>> values);

// One self-contained page (inline CSS and SVG, no scripts, nothing fetched), a section per
// drill or song: what it holds now, its goal, the next session, the tempo held and the SD over the
// dates, and its sessions. Every piece of user text is HTML-escaped.
std::string progress_html(const std::vector<DrillProgress>& drills);

}  // namespace pocket
