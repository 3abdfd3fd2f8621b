#pragma once

// The pieces of a drill file's reader shared by its two files: drill_file.cpp (the frame of a
// drill: meter, click, tempo or ladder, pass rule, click modes) and drill_music_keys.cpp (what is
// played: swing, feel, pattern, sticking, groove). Not for use outside src/presets.
#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string_view>

#include <fmt/format.h>

#include "core/drill.hpp"
#include "toml_file.hpp"

namespace pocket::drill_keys {

// Reads one optional key into `value` through `convert`, turning a std::invalid_argument from
// the conversion into an error at the key.
template <typename Value, typename Convert>
void read(const TomlFile& file, const toml::table& table, std::string_view prefix,
          std::string_view key, Value raw, Convert&& convert) {
  if (!raw) return;
  try {
    convert(*raw);
  } catch (const std::invalid_argument& e) {
    file.fail(table.get(key)->source(), TomlFile::key_path(prefix, key), e.what());
  }
}

inline int whole(std::int64_t value, int low, int high, std::string_view what) {
  if (value < low || value > high)
    throw std::invalid_argument(fmt::format("{} must be from {} to {}", what, low, high));
  return static_cast<int>(value);
}

// swing and swing_on, once the grid is known: the grid must hold the pairs that swing.
void read_swing(const TomlFile& file, const toml::table& doc, Drill& d);
// [feel]: each pad's placement in ms.
void read_feel(const TomlFile& file, const toml::table& t, Drill& d);
// [pattern]: each pad's line, once the meter and the grid are known.
void read_pattern(const TomlFile& file, const toml::table& t, Drill& d);
// sticking = "RLRR LRLL" for every pad, or a table with a line per pad.
void read_sticking(const TomlFile& file, const toml::table& doc, Drill& d);
// groove (a MIDI file beside the drill file), groove_map, loop and target.
void read_groove_keys(const TomlFile& file, const toml::table& doc, Drill& d);
// backing (a song beside the drill file) and backing_offset.
void read_backing_keys(const TomlFile& file, const toml::table& doc, Drill& d);
// With a groove a tempo may be a share of the groove's own, in quotes: "80%". The share, or
// nothing when the key is absent or a number.
std::optional<double> share_of_groove(const TomlFile& file, const toml::table& t,
                                      std::string_view prefix, std::string_view key,
                                      const Drill& d);

}  // namespace pocket::drill_keys
