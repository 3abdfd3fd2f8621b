#pragma once

#include <filesystem>
#include <optional>
#include <string>

namespace pocket {

// What pocket remembers between sessions, in $XDG_CONFIG_HOME/pocket/config.toml
// (~/.config/pocket/config.toml when XDG_CONFIG_HOME is not set). `pocket setup` writes it;
// every command reads it, and command-line options override it.
struct UserConfig {
  std::string drum_map;  // the player's kit, for every command; empty: gm
  std::string web;       // the live page's [ADDRESS:]PORT for every session; empty: none
  // The kit as the remote: the click waits for a hit, and a pad the drills leave alone
  // pauses and ends.
  bool start_on_hit = false;
  std::string remote_pad;  // a pad name of the kit, e.g. "aux1"; empty: none
  // [audio]: the output. Empty texts match any host API or device (the default output).
  std::string audio_api;              // part of the host API's name, e.g. "JACK"
  std::string audio_device;           // part of the output device's name
  std::optional<int> buffer_frames;   // 64..1024
  std::optional<double> sample_rate;  // in Hz
  // [midi]: the kit's input. An empty port: not set up yet.
  std::string midi_api;   // "alsa" or "jack"; empty: chosen when a session starts
  std::string midi_port;  // part of the port's name, or "virtual" (a port of pocket's own)
  // [timing]
  double calibration_ms = 0.0;    // the player's measured loop offset, subtracted from strokes
  double input_latency_ms = 0.0;  // extra latency of the kit's MIDI, subtracted too
};

// Audio settings when neither the command line nor the config gives them.
inline constexpr int kDefaultBufferFrames = 128;
inline constexpr double kDefaultSampleRate = 48000.0;
inline constexpr int kMinBufferFrames = 64;
inline constexpr int kMaxBufferFrames = 1024;

// $XDG_CONFIG_HOME/pocket (~/.config/pocket): the config file and the player's own presets.
std::filesystem::path config_folder();
std::filesystem::path config_path();
// A missing file gives the defaults; a malformed one throws PresetError naming the file, line,
// column and key.
UserConfig load_user_config();
// Writes the whole file at once (a crash never leaves half of it).
void save_user_config(const UserConfig& config);

}  // namespace pocket
