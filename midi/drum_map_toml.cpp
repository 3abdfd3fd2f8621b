// User drum maps in TOML. Every error names the file, the line and the key.
#include <charconv>
#include <stdexcept>

#include <fmt/format.h>
#include <toml++/toml.h>

#include "drum_map.hpp"

namespace pocket {

namespace {

[[noreturn]] void fail(const std::filesystem::path& path, const toml::source_region& where,
                       std::string_view key, std::string_view problem) {
  throw std::runtime_error(
      fmt::format("{}:{}: key '{}': {}", path.string(), where.begin.line, key, problem));
}

}  // namespace

DrumMap DrumMap::from_toml(const std::filesystem::path& path) {
  toml::table doc;
  try {
    doc = toml::parse_file(path.string());
  } catch (const toml::parse_error& e) {
    throw std::runtime_error(
        fmt::format("{}:{}: {}", path.string(), e.source().begin.line, e.description()));
  }

  DrumMap map(path.stem().string());
  if (const toml::node* base = doc.get("base")) {
    const auto name = base->value<std::string>();
    if (!name) fail(path, base->source(), "base", "must be the name of a built-in map, in quotes");
    try {
      map = builtin(*name);
    } catch (const std::invalid_argument& e) {
      fail(path, base->source(), "base", e.what());
    }
    map.name_ = path.stem().string();  // the user's map, even when it starts from a built-in
  }
  if (const toml::node* name = doc.get("name")) {
    const auto text = name->value<std::string>();
    if (!text) fail(path, name->source(), "name", "must be text in quotes");
    map.name_ = *text;
  }
  for (const auto& [key, value] : doc) {
    if (key != "name" && key != "base" && key != "notes") {
      fail(path, value.source(), key.str(), "unknown key: use name, base and [notes]");
    }
  }
  const toml::table* notes = doc["notes"].as_table();
  if (notes == nullptr) {
    const toml::source_region where = doc.get("notes") ? doc.get("notes")->source() : doc.source();
    fail(path, where, "notes", "a [notes] table is needed, like: 36 = \"kick\"");
  }
  for (const auto& [key, value] : *notes) {
    const std::string full_key = fmt::format("notes.{}", key.str());
    int note = -1;
    const auto text = key.str();
    const auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), note);
    if (ec != std::errc{} || ptr != text.data() + text.size() || note < 0 || note > 127) {
      fail(path, value.source(), full_key, "the key must be a MIDI note number from 0 to 127");
    }
    std::string pad, articulation;
    if (const auto simple = value.value<std::string>()) {
      pad = *simple;
    } else if (const toml::table* detail = value.as_table()) {
      for (const auto& [field, field_value] : *detail) {
        const std::string field_key = fmt::format("{}.{}", full_key, field.str());
        const auto field_text = field_value.value<std::string>();
        if (field.str() != "pad" && field.str() != "articulation") {
          fail(path, field_value.source(), field_key, "unknown key: use pad and articulation");
        }
        if (!field_text) fail(path, field_value.source(), field_key, "must be text in quotes");
        (field.str() == "pad" ? pad : articulation) = *field_text;
      }
    } else {
      fail(path, value.source(), full_key,
           "must be a pad name like \"snare\" or { pad = \"snare\", articulation = \"rim\" }");
    }
    try {
      map.set(note, pad, articulation);
    } catch (const std::invalid_argument& e) {
      fail(path, value.source(), full_key, e.what());
    }
  }
  return map;
}

}  // namespace pocket
