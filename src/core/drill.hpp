#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "click_pattern.hpp"
#include "expected_strokes.hpp"
#include "feel.hpp"
#include "groove.hpp"
#include "meter_cycle.hpp"
#include "sticking.hpp"
#include "swing.hpp"
#include "tempo_ladder.hpp"

namespace pocket {

// Silent while tight: after `after_bars` bars in a row within the window, the click drops
// out; it comes back at the first bar line it can after a bar that leaves the window.
struct SilentWhileTight {
  int after_bars = 4;  // 1..64
  PassRule window;
};

// Quiet count: gap bars after every `play_bars` heard bars; a gap held within the window
// lengthens the next one by a bar, a gap that is not shortens it (never below one bar).
struct QuietCount {
  int play_bars = 2;       // 1..64
  int first_gap_bars = 1;  // 1..max_gap_bars
  int max_gap_bars = 8;    // 1..64
  PassRule window;
};

// A song a drill plays along with: its file, and where its first bar line is in it.
struct DrillBacking {
  std::string file;
  double first_bar_seconds = 0.0;
};

// A drill: what the click plays, what the player is scored against, and at which tempo or
// ladder. Plain data; presets read it from files and the commands from options.

struct Drill {
  std::string name;   // how the player calls it: a preset's file name, or play / ladder
  std::string title;  // for people: "Paradiddles"
  std::string description;
  MeterCycle meters{4, 4};
  ClickPattern click;  // subdivision, accents, gap, count-in, random mute
  std::string sound = "woodblock";
  int grid = 0;                        // slots per whole note scored against; 0: follow the clicks
  std::vector<PadPattern> pattern;     // empty: a plain grid
  Swing swing;                         // the grid's off-beats, and the click's subdivisions
  std::map<std::string, double> feel;  // pad -> where it means to sit, ms (+ laid back)
  std::vector<StickingLine> sticking;  // which hand plays each slot; empty: not told
  std::optional<GrooveSettings> groove;  // a MIDI file's part, once read: see play_groove
  std::optional<DrillBacking> backing;   // a song to play along with
  // With a groove's performance target: how far each note sits from its slot, in slots.
  std::map<std::pair<std::string, int>, double> placements;  // (pad, position) -> slots
  PassRule rule;           // when a bar, a step or a whole session counts as solid
  double bpm = 120.0;      // a fixed tempo...
  std::int64_t bars = -1;  // ...for this many bars after the count-in (-1: until stopped)
  std::optional<LadderConfig> ladder;  // ...or a ladder instead
  std::optional<SilentWhileTight> silent_while_tight;
  std::optional<QuietCount> quiet_count;

  // The grid scored against: `grid`, else the clicks (the finest meter unit times the
  // subdivision).
  int scored_grid() const;
  double start_bpm() const { return ladder ? ladder->start_bpm : bpm; }
  // The swing with its unit chosen for the scored grid.
  Swing resolved_swing() const { return resolve_swing(swing, scored_grid()); }
  // The bars the random mute rises over: its own, else the drill's length (a ladder's when
  // every step holds), else 16 for a drill without end.
  std::int64_t mute_rise_bars() const;
};

// The settings that decide when the click is silent, by their keys in a drill file
// ("click.gap", "silent_while_tight", "quiet_count"): at most one may be set, and none with a
// ladder, whose new tempos must be heard.
std::vector<std::string> silencing_modes(const Drill& drill);

// Whether the drill names `pad`: in its pattern, its sticking or its feel. A plain grid names
// none (any pad may strike its slots).
bool drill_plays_pad(const Drill& drill, std::string_view pad);

// The drill's pattern over a kit's pads. Throws std::invalid_argument for a pad the kit does
// not have.
ExpectedStrokes expected_strokes(const Drill& drill, std::span<const std::string> pad_names);

// The drill's sticking over a kit's pads. Throws std::invalid_argument for a pad the kit does not
// have.
Sticking sticking_of(const Drill& drill, std::span<const std::string> pad_names);

// Throws std::invalid_argument for a placement beyond kMaxFeelMs.
void validate_feel(const std::map<std::string, double>& feel);
// A feel by pad name over a kit's pads. Throws std::invalid_argument for a pad the kit does not
// have.
Feel feel_of(const std::map<std::string, double>& feel, std::span<const std::string> pad_names);
// The drill's feel and its groove's placements over a kit's pads (as feel_of above).
Feel feel_of(const Drill& drill, std::span<const std::string> pad_names);

// Throws std::invalid_argument naming the setting that is wrong, including a pattern that
// does not fit the grid and click modes that cannot go together.
void validate(const Drill& drill);

}  // namespace pocket
