#pragma once

#include <filesystem>
#include <optional>

namespace pocket::app {

// What pocket remembers between sessions, in $XDG_CONFIG_HOME/pocket/config.toml
// (~/.config/pocket/config.toml when XDG_CONFIG_HOME is not set).
struct UserConfig {
  double calibration_ms = 0.0;    // the player's measured loop offset, subtracted from strokes
  double input_latency_ms = 0.0;  // extra latency of the kit's MIDI, subtracted too
};

std::filesystem::path config_path();
// A missing file gives the defaults; a malformed one throws naming file, line and key.
UserConfig load_user_config();
void save_user_config(const UserConfig& config);

}  // namespace pocket::app
