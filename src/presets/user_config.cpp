#include "user_config.hpp"

#include <cstdlib>
#include <fstream>
#include <sstream>

#include <fmt/format.h>

#include "core/drum_map.hpp"
#include "toml_file.hpp"

namespace pocket {

std::filesystem::path config_folder() {
  if (const char* xdg = std::getenv("XDG_CONFIG_HOME"); xdg != nullptr && *xdg != '\0') {
    return std::filesystem::path(xdg) / "pocket";
  }
  const char* home = std::getenv("HOME");
  return std::filesystem::path(home != nullptr ? home : ".") / ".config" / "pocket";
}

std::filesystem::path config_path() { return config_folder() / "config.toml"; }

namespace {

void read_audio(const TomlFile& file, const toml::table& audio, UserConfig& config) {
  file.allow_only(audio, "audio", {"api", "device", "buffer", "rate"});
  config.audio_api = file.text(audio, "audio", "api").value_or("");
  config.audio_device = file.text(audio, "audio", "device").value_or("");
  if (const auto buffer = file.integer(audio, "audio", "buffer")) {
    if (*buffer < kMinBufferFrames || *buffer > kMaxBufferFrames) {
      file.fail(audio.get("buffer")->source(), "audio.buffer",
                fmt::format("must be {} to {} frames", kMinBufferFrames, kMaxBufferFrames));
    }
    config.buffer_frames = static_cast<int>(*buffer);
  }
  if (const auto rate = file.number(audio, "audio", "rate")) {
    if (*rate < 8000.0 || *rate > 384000.0) {
      file.fail(audio.get("rate")->source(), "audio.rate",
                "must be a sample rate in Hz, 8000 to 384000");
    }
    config.sample_rate = *rate;
  }
}

void read_midi(const TomlFile& file, const toml::table& midi, UserConfig& config) {
  file.allow_only(midi, "midi", {"api", "port"});
  config.midi_api = file.text(midi, "midi", "api").value_or("");
  if (!config.midi_api.empty() && config.midi_api != "alsa" && config.midi_api != "jack") {
    file.fail(midi.get("api")->source(), "midi.api", "must be \"alsa\" or \"jack\"");
  }
  config.midi_port = file.text(midi, "midi", "port").value_or("");
}

void read_remote(const TomlFile& file, UserConfig& config) {
  config.start_on_hit = file.flag(file.root(), "", "start_on_hit").value_or(false);
  config.remote_pad = file.text(file.root(), "", "remote_pad").value_or("");
  if (!config.remote_pad.empty() && !valid_pad_name(config.remote_pad)) {
    file.fail(file.root().get("remote_pad")->source(), "remote_pad",
              "must be a pad of your kit, like aux1 or crash2 ('pocket kits --pads' lists them)");
  }
}

// `key = "text"` with TOML's quoting, as a line.
std::string text_line(const std::string& key, const std::string& text) {
  std::ostringstream line;
  line << toml::table{{key, text}} << "\n";
  return line.str();
}

}  // namespace

UserConfig load_user_config() {
  UserConfig config;
  const std::filesystem::path path = config_path();
  if (!std::filesystem::exists(path)) return config;
  const TomlFile file(path);
  file.allow_only(file.root(), "",
                  {"drum_map", "web", "start_on_hit", "remote_pad", "audio", "midi", "timing"});
  config.drum_map = file.text(file.root(), "", "drum_map").value_or("");
  config.web = file.text(file.root(), "", "web").value_or("");
  read_remote(file, config);
  if (const toml::table* audio = file.table(file.root(), "", "audio")) {
    read_audio(file, *audio, config);
  }
  if (const toml::table* midi = file.table(file.root(), "", "midi")) read_midi(file, *midi, config);
  if (const toml::table* timing = file.table(file.root(), "", "timing")) {
    file.allow_only(*timing, "timing", {"calibration_ms", "input_latency_ms"});
    config.calibration_ms = file.number(*timing, "timing", "calibration_ms").value_or(0.0);
    config.input_latency_ms = file.number(*timing, "timing", "input_latency_ms").value_or(0.0);
  }
  return config;
}

void save_user_config(const UserConfig& config) {
  const std::filesystem::path path = config_path();
  std::filesystem::create_directories(path.parent_path());
  const std::filesystem::path partial = path.string() + ".partial";
  {
    std::ofstream out(partial);
    out << "# pocket's settings: 'pocket setup' writes them, 'pocket calibrate' calibration_ms.\n"
           "# Options on the command line override them for one session.\n";
    if (!config.drum_map.empty()) {
      out << "\n# the kit's map, for every command (a name from 'pocket kits' or a .toml file)\n"
          << text_line("drum_map", config.drum_map);
    }
    if (!config.web.empty()) {
      out << "\n# the live page for a tablet or phone: [ADDRESS:]PORT (see 'pocket play --help')\n"
          << text_line("web", config.web);
    }
    if (config.start_on_hit) {
      out << "\n# the click waits, silent, until you hit a pad\nstart_on_hit = true\n";
    }
    if (!config.remote_pad.empty()) {
      out << "\n# one hit pauses or goes on at the bar line, three within 1.5 s end the session\n"
          << text_line("remote_pad", config.remote_pad);
    }
    if (!config.audio_api.empty() || !config.audio_device.empty() || config.buffer_frames ||
        config.sample_rate) {
      out << "\n# the output: parts of the host API's and device's names ('pocket devices')\n"
             "[audio]\n";
      if (!config.audio_api.empty()) out << text_line("api", config.audio_api);
      if (!config.audio_device.empty()) out << text_line("device", config.audio_device);
      if (config.buffer_frames) out << fmt::format("buffer = {}\n", *config.buffer_frames);
      if (config.sample_rate) out << fmt::format("rate = {}\n", *config.sample_rate);
    }
    if (!config.midi_api.empty() || !config.midi_port.empty()) {
      out << "\n# the kit's MIDI input: part of the port's name, or \"virtual\"\n[midi]\n";
      if (!config.midi_api.empty()) out << text_line("api", config.midi_api);
      if (!config.midi_port.empty()) out << text_line("port", config.midi_port);
    }
    out << fmt::format("\n[timing]\ncalibration_ms = {:.2f}\ninput_latency_ms = {:.2f}\n",
                       config.calibration_ms, config.input_latency_ms);
    if (!out) throw std::runtime_error(fmt::format("cannot write '{}'", partial.string()));
  }
  std::filesystem::rename(partial, path);
}

}  // namespace pocket
