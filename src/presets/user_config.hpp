#pragma once

#include <filesystem>
#include <string>

namespace pocket {

// What pocket remembers between sessions, in $XDG_CONFIG_HOME/pocket/config.toml
// (~/.config/pocket/config.toml when XDG_CONFIG_HOME is not set).
struct UserConfig {
  std::string drum_map;           // the player's kit, for every command; empty: gm
  double calibration_ms = 0.0;    // the player's measured loop offset, subtracted from strokes
  double input_latency_ms = 0.0;  // extra latency of the kit's MIDI, subtracted too
};

// $XDG_CONFIG_HOME/pocket (~/.config/pocket): the config file and the player's own presets.
std::filesystem::path config_folder();
std::filesystem::path config_path();
// A missing file gives the defaults; a malformed one throws PresetError naming the file, line,
// column and key.
UserConfig load_user_config();
// Writes the whole file at once (a crash never leaves half of it).
void save_user_config(const UserConfig& config);

}  // namespace pocket
