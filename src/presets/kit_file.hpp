#pragma once

#include <filesystem>
#include <functional>
#include <string>

#include "core/drum_map.hpp"

namespace pocket {

// Finds a kit by name, for `base = "gm"`.
using KitFinder = std::function<DrumMap(const std::string& name)>;

// Reads a kit file (every key is in presets/README.md):
//   name = "Roland V-Drums"      source = "the manual's note table"
//   base = "gm"                  (optional: start from another kit, found by `find_kit`)
//   hihat_pedal_cc = 4           ports = ["TD-17"]
//   [notes]
//   36 = "kick"
//   40 = { pad = "snare", articulation = "rim", unconfirmed = true }
// The kit is called by the file's stem. Throws PresetError naming the file, line, column and
// key of the problem.
DrumMap read_kit_file(const std::filesystem::path& path, const KitFinder& find_kit = {});

}  // namespace pocket
