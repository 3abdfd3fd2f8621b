#pragma once

// The tempo map of a test song as a MIDI file: its first tick the song's first bar line, and a
// tempo for each part (see test_song.hpp), in 4/4.
#include <filesystem>
#include <vector>

#include "midi/midi_file_writer.hpp"
#include "support/test_song.hpp"

namespace pocket::test {

inline void write_tempo_map(const std::filesystem::path& path, const std::vector<SongPart>& parts) {
  constexpr int kTicksPerQuarter = 480;
  MidiFileWriter midi(kTicksPerQuarter);
  midi.add_time_signature(0, 4, 4);
  std::int64_t tick = 0;
  for (const SongPart& part : parts) {
    midi.add_tempo(tick, part.bpm);
    tick += static_cast<std::int64_t>(part.bars) * 4 * kTicksPerQuarter;
  }
  midi.save(path);
}

}  // namespace pocket::test
