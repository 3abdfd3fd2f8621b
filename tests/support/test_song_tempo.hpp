#pragma once

// The tempo map of a test song as a MIDI file: its first tick the song's first bar line, and a
// tempo and a meter for each part (see test_song.hpp).
#include <filesystem>
#include <vector>

#include "midi/midi_file_writer.hpp"
#include "support/test_song.hpp"

namespace pocket::test {

inline void write_tempo_map(const std::filesystem::path& path, const std::vector<SongPart>& parts) {
  constexpr int kTicksPerQuarter = 480;
  MidiFileWriter midi(kTicksPerQuarter);
  std::int64_t tick = 0;
  for (std::size_t i = 0; i < parts.size(); ++i) {
    const SongPart& part = parts[i];
    if (i == 0 || part.beats != parts[i - 1].beats) midi.add_time_signature(tick, part.beats, 4);
    midi.add_tempo(tick, part.bpm);
    tick += static_cast<std::int64_t>(part.bars) * part.beats * kTicksPerQuarter;
  }
  midi.save(path);
}

}  // namespace pocket::test
