#include "preset_library.hpp"

#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <map>
#include <stdexcept>

#include <fmt/format.h>

#include "drill_file.hpp"
#include "kit_file.hpp"
#include "preset_error.hpp"
#include "user_config.hpp"

namespace pocket {

namespace {

bool names_a_file(const std::string& text) {
  return text.ends_with(".toml") || text.find('/') != std::string::npos;
}

// The shipped presets: $POCKET_PRESETS, else presets/ beside the program (a build tree), else
// ../share/pocket/presets from it (an installed program).
std::filesystem::path shipped_presets() {
  if (const char* env = std::getenv("POCKET_PRESETS"); env != nullptr && *env != '\0') return env;
  std::error_code error;
  const std::filesystem::path program = std::filesystem::read_symlink("/proc/self/exe", error);
  if (error) return "presets";
  const std::filesystem::path beside = program.parent_path() / "presets";
  if (std::filesystem::is_directory(beside, error)) return beside;
  return program.parent_path().parent_path() / "share" / "pocket" / "presets";
}

}  // namespace

PresetLibrary::PresetLibrary(std::filesystem::path shipped, std::filesystem::path players)
    : shipped_(std::move(shipped)), players_(std::move(players)) {}

PresetLibrary PresetLibrary::standard() { return {shipped_presets(), config_folder()}; }

std::vector<PresetEntry> PresetLibrary::list(const std::string& kind, bool shipped_only) const {
  std::map<std::string, PresetEntry> found;  // by name: the player's own come last and win
  for (const bool own : {false, true}) {
    if (own && shipped_only) continue;
    const std::filesystem::path folder = (own ? players_ : shipped_) / kind;
    std::error_code error;
    for (const auto& entry : std::filesystem::directory_iterator(folder, error)) {
      if (entry.path().extension() != ".toml") continue;
      const std::string name = entry.path().stem().string();
      found[name] = {name, entry.path(), own};
    }
  }
  std::vector<PresetEntry> out;
  for (auto& [name, entry] : found) out.push_back(std::move(entry));
  return out;
}

std::filesystem::path PresetLibrary::find(const std::string& kind, const std::string& name_or_file,
                                          bool shipped_only) const {
  if (names_a_file(name_or_file)) {
    if (!std::filesystem::exists(name_or_file))
      throw std::invalid_argument(fmt::format("there is no file '{}'", name_or_file));
    return name_or_file;
  }
  const std::vector<PresetEntry> all = list(kind, shipped_only);
  for (const PresetEntry& e : all) {
    if (e.name == name_or_file) return e.file;
  }
  std::string names;
  for (const PresetEntry& e : all) names += (names.empty() ? "" : ", ") + e.name;
  const std::string singular = kind.substr(0, kind.size() - 1);
  if (all.empty()) {
    throw std::invalid_argument(fmt::format(
        "unknown {} '{}': no {} were found in {} or {} (is pocket installed completely?)", singular,
        name_or_file, kind, (shipped_ / kind).string(), (players_ / kind).string()));
  }
  throw std::invalid_argument(fmt::format("unknown {} '{}': use one of {}, or a .toml file",
                                          singular, name_or_file, names));
}

DrumMap PresetLibrary::kit(const std::string& name_or_file) const {
  std::vector<std::filesystem::path> reading;
  return read_kit(find("kits", name_or_file), reading);
}

DrumMap PresetLibrary::read_kit(const std::filesystem::path& file,
                                std::vector<std::filesystem::path>& reading) const {
  if (std::find(reading.begin(), reading.end(), file) != reading.end()) {
    std::string chain;
    for (const auto& f : reading) chain += f.stem().string() + " -> ";
    throw PresetError(fmt::format("{}: the kits are each other's base ({}{})", file.string(), chain,
                                  file.stem().string()));
  }
  reading.push_back(file);
  DrumMap map = read_kit_file(file, [&](const std::string& base) {
    // A player's "roland" built on "roland" starts from the shipped one.
    const bool itself = base == file.stem().string();
    return read_kit(find("kits", base, itself), reading);
  });
  reading.pop_back();
  return map;
}

std::vector<PresetEntry> PresetLibrary::kits() const { return list("kits"); }

std::vector<DrumMap> PresetLibrary::readable_kits() const {
  std::vector<DrumMap> out;
  for (const PresetEntry& entry : kits()) {
    try {
      out.push_back(kit(entry.name));
    } catch (const std::exception&) {
      // reported by 'pocket kits' and wherever the kit is chosen
    }
  }
  return out;
}

LoadedDrill PresetLibrary::drill(const std::string& name_or_file) const {
  const std::filesystem::path file = find("drills", name_or_file);
  return {read_drill_file(file), file, file_fingerprint(file)};
}

std::vector<PresetEntry> PresetLibrary::drills() const { return list("drills"); }

}  // namespace pocket
