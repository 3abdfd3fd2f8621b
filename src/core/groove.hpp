#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "meter.hpp"

namespace pocket {

struct Drill;

// One note of a groove's drum part.
struct GrooveNote {
  int pad = 0;          // index into Groove::pad_names
  double wholes = 0.0;  // whole notes from the groove's start
  int velocity = 0;
};

// A drum part read from a MIDI file: its notes by pad, its bars and its tempo.
struct Groove {
  std::string name;                            // the file's stem
  std::vector<std::string> pad_names;          // of the kit map its notes were read with
  std::vector<Meter> bars;                     // each bar's meter, in order: its length
  double quarter_bpm = 120.0;                  // its tempo at the start, quarter notes a minute
  std::vector<GrooveNote> notes;               // in time order
  std::map<int, std::int64_t> unmapped_notes;  // note-ons the kit map does not cover, per note

  // Its tempo counting its first meter's unit.
  double bpm() const { return quarter_bpm * bars.front().unit / 4.0; }
};

// What the player is scored against: the notes snapped to the drill's grid, as a transcription
// writes them, or the recorded drummer's own placement of each note.
enum class GrooveTarget { grid, performance };

// How a drill plays a groove: the keys of a drill file, or the options of a command.
struct GrooveSettings {
  std::string file;  // the MIDI file
  std::string map;   // the kit map its notes are read with; empty: the player's
  bool loop = true;  // false: played through once
  GrooveTarget target = GrooveTarget::grid;
  std::optional<double> tempo_percent;  // a fixed tempo as a share of the groove's
  std::optional<double> from_percent;   // a ladder's tempos as shares of the groove's
  std::optional<double> to_percent;
};

// "80%" -> 80. Throws std::invalid_argument unless it is a share from 10 % to 400 %.
double parse_tempo_percent(const std::string& text);

// Makes the drill play `groove` by its `groove` settings: its bars become the drill's meter
// cycle, its notes the pattern (snapped to the drill's grid, sixteenths unless it has one,
// swung if it swings; two notes of a pad on one slot are one), its tempo the drill's where
// the settings give shares of it; with the performance target each note keeps its distance
// from its slot. Throws std::invalid_argument when the groove has no notes, or its bars do not
// fit the grid.
void play_groove(Drill& drill, const Groove& groove);

}  // namespace pocket
