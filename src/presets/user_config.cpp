#include "user_config.hpp"

#include <cstdlib>
#include <fstream>

#include <fmt/format.h>

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

UserConfig load_user_config() {
  UserConfig config;
  const std::filesystem::path path = config_path();
  if (!std::filesystem::exists(path)) return config;
  const TomlFile file(path);
  file.allow_only(file.root(), "", {"drum_map", "timing"});
  config.drum_map = file.text(file.root(), "", "drum_map").value_or("");
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
    out << "# pocket's settings; 'pocket calibrate' writes calibration_ms.\n";
    if (!config.drum_map.empty()) {
      toml::table kit{{"drum_map", config.drum_map}};
      out << "# the kit's map, for every command (a name from 'pocket kits' or a .toml file)\n"
          << kit << "\n";
    }
    out << fmt::format("\n[timing]\ncalibration_ms = {:.2f}\ninput_latency_ms = {:.2f}\n",
                       config.calibration_ms, config.input_latency_ms);
    if (!out) throw std::runtime_error(fmt::format("cannot write '{}'", partial.string()));
  }
  std::filesystem::rename(partial, path);
}

}  // namespace pocket
