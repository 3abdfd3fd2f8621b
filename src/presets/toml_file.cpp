#include "toml_file.hpp"

#include <fmt/format.h>

namespace pocket {

TomlFile::TomlFile(std::filesystem::path path) : path_(std::move(path)) {
  try {
    root_ = toml::parse_file(path_.string());
  } catch (const toml::parse_error& e) {
    throw PresetError(fmt::format("{}:{}:{}: {}", path_.string(), e.source().begin.line,
                                  e.source().begin.column, e.description()));
  }
}

std::string TomlFile::key_path(std::string_view prefix, std::string_view key) {
  return prefix.empty() ? std::string(key) : fmt::format("{}.{}", prefix, key);
}

void TomlFile::fail(const toml::source_region& where, std::string_view key,
                    std::string_view problem) const {
  throw PresetError(fmt::format("{}:{}:{}: key '{}': {}", path_.string(), where.begin.line,
                                where.begin.column, key, problem));
}

void TomlFile::allow_only(const toml::table& table, std::string_view prefix,
                          std::initializer_list<std::string_view> keys) const {
  for (const auto& [key, value] : table) {
    bool known = false;
    for (const std::string_view k : keys) known = known || key.str() == k;
    if (known) continue;
    std::string list;
    for (const std::string_view k : keys) list += (list.empty() ? "" : ", ") + std::string(k);
    fail(key.source(), key_path(prefix, key.str()),
         fmt::format("unknown key{}: use {}", prefix.empty() ? "" : fmt::format(" in [{}]", prefix),
                     list));
  }
}

std::optional<std::string> TomlFile::text(const toml::table& table, std::string_view prefix,
                                          std::string_view key) const {
  const toml::node* node = table.get(key);
  if (node == nullptr) return std::nullopt;
  const auto value = node->value<std::string>();
  if (!value) fail(node->source(), key_path(prefix, key), "must be text in quotes");
  return value;
}

std::optional<double> TomlFile::number(const toml::table& table, std::string_view prefix,
                                       std::string_view key) const {
  const toml::node* node = table.get(key);
  if (node == nullptr) return std::nullopt;
  if (!node->is_number()) fail(node->source(), key_path(prefix, key), "must be a number");
  return node->value<double>();
}

std::optional<std::int64_t> TomlFile::integer(const toml::table& table, std::string_view prefix,
                                              std::string_view key) const {
  const toml::node* node = table.get(key);
  if (node == nullptr) return std::nullopt;
  if (!node->is_integer()) fail(node->source(), key_path(prefix, key), "must be a whole number");
  return node->value<std::int64_t>();
}

std::optional<bool> TomlFile::flag(const toml::table& table, std::string_view prefix,
                                   std::string_view key) const {
  const toml::node* node = table.get(key);
  if (node == nullptr) return std::nullopt;
  if (!node->is_boolean()) fail(node->source(), key_path(prefix, key), "must be true or false");
  return node->value<bool>();
}

std::optional<std::vector<std::string>> TomlFile::texts(const toml::table& table,
                                                        std::string_view prefix,
                                                        std::string_view key) const {
  const toml::node* node = table.get(key);
  if (node == nullptr) return std::nullopt;
  if (const auto single = node->value<std::string>()) return std::vector<std::string>{*single};
  const toml::array* array = node->as_array();
  std::vector<std::string> out;
  if (array != nullptr) {
    for (const toml::node& item : *array) {
      const auto value = item.value<std::string>();
      if (!value) break;
      out.push_back(*value);
    }
  }
  if (array == nullptr || array->empty() || out.size() != array->size()) {
    fail(node->source(), key_path(prefix, key),
         "must be text in quotes, or a list of texts like [\"7/8\", \"4/4\"]");
  }
  return out;
}

const toml::table* TomlFile::table(const toml::table& parent, std::string_view prefix,
                                   std::string_view key) const {
  const toml::node* node = parent.get(key);
  if (node == nullptr) return nullptr;
  if (!node->is_table()) {
    fail(node->source(), key_path(prefix, key),
         fmt::format("must be a table: write it as [{}] on a line of its own",
                     key_path(prefix, key)));
  }
  return node->as_table();
}

}  // namespace pocket
