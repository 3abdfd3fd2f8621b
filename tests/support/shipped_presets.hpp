#pragma once

#include <string>

#include "presets/preset_library.hpp"

namespace pocket::test {

// The presets/ folder of the source tree, without any player's own presets.
inline PresetLibrary shipped_presets() {
  return PresetLibrary(POCKET_SOURCE_PRESETS, "/nonexistent/pocket-player");
}

inline DrumMap shipped_kit(const std::string& name) { return shipped_presets().kit(name); }

// The General MIDI kit, read once.
inline const DrumMap& gm_kit() {
  static const DrumMap map = shipped_kit("gm");
  return map;
}

}  // namespace pocket::test
