#pragma once

#include "core/errors.hpp"

#include <cstdint>
#include <filesystem>
#include <span>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace pocket {

// A Standard MIDI File that cannot be read: the message names the file, the byte offset
// and the problem.
struct MidiFileError : InputFileError {
  MidiFileError(std::string_view file, std::size_t offset, std::string_view problem);
};

enum class MidiEventKind : std::uint8_t { note_on, note_off, control_change };

struct MidiFileEvent {
  std::int64_t tick = 0;
  MidiEventKind kind = MidiEventKind::note_on;
  std::uint8_t channel = 0;  // 0..15
  std::uint8_t data1 = 0;    // note or controller number, 0..127
  std::uint8_t data2 = 0;    // velocity or controller value, 0..127
};

struct TempoChange {
  std::int64_t tick = 0;
  std::int64_t us_per_quarter = 500000;  // microseconds per quarter note (120 BPM)
};

struct TimeSignatureChange {
  std::int64_t tick = 0;
  int beats = 4;
  int unit = 4;
};

// What pocket needs of a MIDI file: channel events of every track merged in time order
// (note-on with velocity 0 already turned into note-off; other messages, meta and sysex
// events skipped), and the tempo and time-signature maps.
struct MidiFile {
  int format = 0;             // 0 or 1
  int ticks_per_quarter = 0;  // from the header's division
  std::vector<MidiFileEvent> events;
  std::vector<TempoChange> tempo_changes;  // in tick order; empty means 120 BPM throughout
  std::vector<TimeSignatureChange> time_signatures;
  std::int64_t end_tick = 0;  // where the longest track ends
};

// Parses the bytes of a file; `name` is used in error messages. Throws MidiFileError.
MidiFile parse_midi_file(std::span<const std::uint8_t> bytes, std::string_view name);

// Reads and parses a file. Throws MidiFileError (also when the file cannot be read).
MidiFile read_midi_file(const std::filesystem::path& path);

}  // namespace pocket
