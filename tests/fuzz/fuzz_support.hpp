#pragma once

// What the fuzz targets share: a check that holds in release builds too, a scratch folder for
// the readers that take a path, and a small kit that every MIDI target maps notes with.

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

#include "core/drum_map.hpp"
#include "support/temp_dir.hpp"

namespace pocket::fuzz {

// An invariant the code under test must keep. abort() rather than assert(): the replay tests
// are built with NDEBUG, and libFuzzer keeps the input of any abort as a crash.
#define POCKET_FUZZ_CHECK(condition)                                                         \
  do {                                                                                       \
    if (!(condition)) {                                                                      \
      std::fprintf(stderr, "%s:%d: invariant broken: %s\n", __FILE__, __LINE__, #condition); \
      std::abort();                                                                          \
    }                                                                                        \
  } while (false)

// A folder of its own for this process, made once and removed at exit.
inline const std::filesystem::path& scratch_folder() {
  static const test::TempDir folder;
  return folder.path();
}

// Writes the input to `path` (truncating it), for the readers that only take a file.
inline void write_input(const std::filesystem::path& path, const std::uint8_t* data,
                        std::size_t size) {
  std::filesystem::create_directories(path.parent_path());
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(reinterpret_cast<const char*>(data), static_cast<std::streamsize>(size));
  if (!out) {
    std::perror("pocket fuzz: cannot write the input file");
    std::abort();
  }
}

// A few pads with articulations, the hi-hat pedal among them (it has its own trigger slot),
// built here so that the targets do not depend on where the presets are.
inline const DrumMap& small_kit() {
  static const DrumMap kit = [] {
    DrumMap map("fuzz");
    map.set(36, "kick");
    map.set(38, "snare");
    map.set(40, "snare", "rim");
    map.set(42, "hihat", "closed");
    map.set(44, "hihat", "pedal");
    map.set(46, "hihat", "open");
    map.set(49, "crash");
    map.set(51, "ride");
    map.set(127, "tom1");  // the last note, to reach the top of the table
    return map;
  }();
  return kit;
}

}  // namespace pocket::fuzz
