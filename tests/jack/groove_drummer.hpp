#pragma once

// The virtual drummer's notes for a groove drill: each stroke position's notes, as the kit the
// rig plays (pocket's default, General MIDI) sends them.
#include <stdexcept>
#include <string>
#include <vector>

#include "core/drill.hpp"
#include "core/drum_map.hpp"

namespace pocket::test {

// A note a stick sends on a pad: its head's, else its first but the hi-hat pedal's.
inline int stick_note(const DrumMap& kit, const std::string& pad) {
  const int index = kit.pad_index(pad);
  int first = -1;
  for (int note = 0; note < 128; ++note) {
    if (kit.pad_of(note) != index || kit.articulation_of(note) == "pedal") continue;
    if (kit.articulation_of(note).empty()) return note;
    if (first < 0) first = note;
  }
  if (first < 0) throw std::runtime_error("the kit has no note for " + pad);
  return first;
}

// The drummer's notes per stroke position (its --position-notes): its position 0 is the
// count-in's first beat, so the groove's position q is the drummer's q + the count-in's
// `count_in_slots`, round the groove's cycle.
inline std::string position_notes(const Drill& drill, const DrumMap& kit, long count_in_slots) {
  const std::size_t positions = drill.pattern.front().marks.size();
  std::vector<std::string> entries(positions);
  for (const PadPattern& line : drill.pattern) {
    for (std::size_t q = 0; q < positions; ++q) {
      if (line.marks[q] == '.') continue;
      std::string& entry = entries[(q + static_cast<std::size_t>(count_in_slots)) % positions];
      entry += (entry.empty() ? "" : "+") + std::to_string(stick_note(kit, line.pad));
    }
  }
  std::string out;
  for (const std::string& e : entries) out += (out.empty() ? "" : ",") + (e.empty() ? "." : e);
  return out;
}

}  // namespace pocket::test
