#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "core/drill.hpp"
#include "core/drum_map.hpp"

namespace pocket {

// A preset file found on disk.
struct PresetEntry {
  std::string name;  // the file's stem: what the player types
  std::filesystem::path file;
  bool players_own = false;  // from the player's config folder
};

// A drill as read from its file, with what the history keeps of it.
struct LoadedDrill {
  Drill drill;
  std::filesystem::path file;
  std::string fingerprint;  // of the file's bytes
};

// Where drills and kits are found: the shipped presets (next to the program in a build tree,
// under the install prefix once installed, or in $POCKET_PRESETS) and the player's own in
// $XDG_CONFIG_HOME/pocket/drills and .../kits, which shadow shipped ones of the same name.
class PresetLibrary {
 public:
  // The shipped folder and the player's folder: each holds drills/ and kits/.
  PresetLibrary(std::filesystem::path shipped, std::filesystem::path players);
  // The folders of this program and player.
  static PresetLibrary standard();

  const std::filesystem::path& shipped_folder() const { return shipped_; }

  // A kit by name, or from a file when the text names one (ends in .toml or holds a '/').
  // A player's kit whose base has its own name starts from the shipped kit of that name.
  // Throws PresetError for a bad file or kits that are each other's base, and
  // std::invalid_argument listing the kits for an unknown name.
  DrumMap kit(const std::string& name_or_file) const;
  std::vector<PresetEntry> kits() const;
  // Every kit that reads without error, for hints; a broken file is reported when it is used.
  std::vector<DrumMap> readable_kits() const;

  // A drill by name or file, like kit().
  LoadedDrill drill(const std::string& name_or_file) const;
  std::vector<PresetEntry> drills() const;

 private:
  std::vector<PresetEntry> list(const std::string& kind, bool shipped_only = false) const;
  std::filesystem::path find(const std::string& kind, const std::string& name_or_file,
                             bool shipped_only = false) const;
  // `reading`: the kit files being read, base after base, to catch a loop.
  DrumMap read_kit(const std::filesystem::path& file,
                   std::vector<std::filesystem::path>& reading) const;

  std::filesystem::path shipped_;
  std::filesystem::path players_;
};

}  // namespace pocket
