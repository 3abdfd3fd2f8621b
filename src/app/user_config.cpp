#include "user_config.hpp"

#include <cstdlib>
#include <fstream>
#include <stdexcept>

#include <fmt/format.h>
#include <toml++/toml.h>

namespace pocket::app {

std::filesystem::path config_path() {
  if (const char* xdg = std::getenv("XDG_CONFIG_HOME"); xdg != nullptr && *xdg != '\0') {
    return std::filesystem::path(xdg) / "pocket" / "config.toml";
  }
  const char* home = std::getenv("HOME");
  return std::filesystem::path(home != nullptr ? home : ".") / ".config" / "pocket" / "config.toml";
}

UserConfig load_user_config() {
  UserConfig config;
  const std::filesystem::path path = config_path();
  if (!std::filesystem::exists(path)) return config;
  toml::table doc;
  try {
    doc = toml::parse_file(path.string());
  } catch (const toml::parse_error& e) {
    throw std::runtime_error(
        fmt::format("{}:{}: {}", path.string(), e.source().begin.line, e.description()));
  }
  const auto read = [&](const char* key, double& value) {
    const toml::node* node = doc.at_path(fmt::format("timing.{}", key)).node();
    if (node == nullptr) return;
    const auto number = node->value<double>();
    if (!number) {
      throw std::runtime_error(
          fmt::format("{}:{}: key 'timing.{}': must be a number of milliseconds", path.string(),
                      node->source().begin.line, key));
    }
    value = *number;
  };
  read("calibration_ms", config.calibration_ms);
  read("input_latency_ms", config.input_latency_ms);
  return config;
}

void save_user_config(const UserConfig& config) {
  const std::filesystem::path path = config_path();
  std::filesystem::create_directories(path.parent_path());
  const std::filesystem::path partial = path.string() + ".partial";
  {
    std::ofstream out(partial);
    out << "# pocket's settings; 'pocket calibrate' writes calibration_ms.\n[timing]\n"
        << fmt::format("calibration_ms = {:.2f}\ninput_latency_ms = {:.2f}\n",
                       config.calibration_ms, config.input_latency_ms);
    if (!out) throw std::runtime_error(fmt::format("cannot write '{}'", partial.string()));
  }
  std::filesystem::rename(partial, path);
}

}  // namespace pocket::app
