#pragma once

#include <filesystem>
#include <string>

#include "core/drill.hpp"

namespace pocket {

// Reads a drill file (every key is in presets/README.md) into a Drill called by the file's
// stem. Throws PresetError naming the file, line, column and key, and what was expected.
Drill read_drill_file(const std::filesystem::path& path);

// A short fingerprint of a file's bytes (16 hex digits), so that the history can tell which
// version of a drill a session played.
std::string file_fingerprint(const std::filesystem::path& path);

}  // namespace pocket
