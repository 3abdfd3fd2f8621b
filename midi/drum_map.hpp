#pragma once

#include <array>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace pocket {

// Note number to pad: "kick", "snare", "hihat", "ride", "crash", "tom1".. and the
// articulation the note stands for ("rim", "edge", "open", "pedal", ...; empty for the head).
class DrumMap {
 public:
  static constexpr int kMaxPads = 32;

  // A built-in map: "gm" (General MIDI), "roland" (TD modules), "alesis", "yamaha" (DTX).
  // Throws std::invalid_argument listing the names.
  static DrumMap builtin(std::string_view name);
  static std::vector<std::string> builtin_names();

  // A map from a TOML file:
  //   name = "my kit"          (optional)
  //   base = "roland"          (optional: start from a built-in map)
  //   [notes]
  //   36 = "kick"
  //   40 = { pad = "snare", articulation = "rim" }
  // Throws std::runtime_error naming the file, line and key of the problem.
  static DrumMap from_toml(const std::filesystem::path& path);

  // A built-in name or a path to a .toml file.
  static DrumMap load(const std::string& name_or_path);

  const std::string& name() const { return name_; }
  // The pad index of a note, or -1 when the note is not mapped.
  int pad_of(int note) const;
  const std::string& articulation_of(int note) const;
  const std::vector<std::string>& pad_names() const { return pads_; }
  int pad_index(std::string_view pad) const;  // -1 when absent

  // Throws std::invalid_argument for a bad pad name or note number.
  void set(int note, std::string_view pad, std::string_view articulation = {});

 private:
  explicit DrumMap(std::string name);

  std::string name_;
  std::vector<std::string> pads_;
  std::array<int, 128> pad_of_note_;
  std::array<std::string, 128> articulation_;
};

}  // namespace pocket
