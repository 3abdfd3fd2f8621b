#pragma once

#include <cstdint>
#include <filesystem>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <toml++/toml.h>

#include "preset_error.hpp"

namespace pocket {

// A parsed TOML file whose every error names the file, line, column and key. Unknown keys are
// errors: a typo must not be ignored silently.
class TomlFile {
 public:
  // Throws PresetError when the file cannot be read or is not TOML.
  explicit TomlFile(std::filesystem::path path);

  const std::filesystem::path& path() const { return path_; }
  const toml::table& root() const { return root_; }

  // "FILE:LINE:COLUMN: key 'KEY': PROBLEM".
  [[noreturn]] void fail(const toml::source_region& where, std::string_view key,
                         std::string_view problem) const;
  // Fails on the first key of `table` (under `prefix`, "" at the top) that is not in `keys`.
  void allow_only(const toml::table& table, std::string_view prefix,
                  std::initializer_list<std::string_view> keys) const;

  // The value of `key` in `table`, when present; fails when it has another type.
  std::optional<std::string> text(const toml::table& table, std::string_view prefix,
                                  std::string_view key) const;
  std::optional<double> number(const toml::table& table, std::string_view prefix,
                               std::string_view key) const;
  std::optional<std::int64_t> integer(const toml::table& table, std::string_view prefix,
                                      std::string_view key) const;
  std::optional<bool> flag(const toml::table& table, std::string_view prefix,
                           std::string_view key) const;
  // A text, or an array of texts.
  std::optional<std::vector<std::string>> texts(const toml::table& table, std::string_view prefix,
                                                std::string_view key) const;
  const toml::table* table(const toml::table& parent, std::string_view prefix,
                           std::string_view key) const;

  // "click.accents", or "name" at the top.
  static std::string key_path(std::string_view prefix, std::string_view key);

 private:
  std::filesystem::path path_;
  toml::table root_;
};

}  // namespace pocket
