// Kit (drum map) files. Every error names the file, the line, the column and the key.
#include "kit_file.hpp"

#include <charconv>

#include <fmt/format.h>

#include "toml_file.hpp"

namespace pocket {

namespace {

void read_note(const TomlFile& file, DrumMap& map, const toml::key& key, const toml::node& value) {
  const std::string full_key = TomlFile::key_path("notes", key.str());
  int note = -1;
  const std::string_view text = key.str();
  const auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), note);
  if (ec != std::errc{} || ptr != text.data() + text.size() || note < 0 || note > 127) {
    file.fail(key.source(), full_key, "the key must be a MIDI note number from 0 to 127");
  }
  std::string pad, articulation;
  bool unconfirmed = false;
  if (const auto simple = value.value<std::string>()) {
    pad = *simple;
  } else if (const toml::table* detail = value.as_table()) {
    file.allow_only(*detail, full_key, {"pad", "articulation", "unconfirmed"});
    pad = file.text(*detail, full_key, "pad").value_or("");
    articulation = file.text(*detail, full_key, "articulation").value_or("");
    if (const toml::node* flag = detail->get("unconfirmed")) {
      if (!flag->is_boolean())
        file.fail(flag->source(), full_key + ".unconfirmed", "must be true or false");
      unconfirmed = flag->value_or(false);
    }
    if (pad.empty()) file.fail(value.source(), full_key, "needs a pad, like pad = \"snare\"");
  } else {
    file.fail(value.source(), full_key,
              "must be a pad name like \"snare\" or { pad = \"snare\", articulation = \"rim\" }");
  }
  try {
    map.set(note, pad, articulation, unconfirmed);
  } catch (const std::invalid_argument& e) {
    file.fail(value.source(), full_key, e.what());
  }
}

}  // namespace

DrumMap read_kit_file(const std::filesystem::path& path, const KitFinder& find_kit) {
  const TomlFile file(path);
  const toml::table& doc = file.root();
  file.allow_only(doc, "", {"name", "source", "base", "hihat_pedal_cc", "ports", "notes"});

  DrumMap map(path.stem().string());
  if (const auto base = file.text(doc, "", "base")) {
    if (!find_kit) file.fail(doc.get("base")->source(), "base", "no other kits are known here");
    try {
      map = find_kit(*base);
    } catch (const std::exception& e) {
      file.fail(doc.get("base")->source(), "base", e.what());
    }
    map.set_name(path.stem().string());  // the player's kit, even when it starts from another
  }
  if (const auto name = file.text(doc, "", "name")) map.set_title(*name);
  if (const auto source = file.text(doc, "", "source")) map.set_source(*source);
  if (const auto ports = file.texts(doc, "", "ports")) map.set_ports(*ports);
  if (const auto controller = file.integer(doc, "", "hihat_pedal_cc")) {
    if (*controller < 0 || *controller > 127)
      file.fail(doc.get("hihat_pedal_cc")->source(), "hihat_pedal_cc",
                "must be a MIDI controller number from 0 to 127 (4 is the foot controller)");
    map.set_hihat_pedal_controller(static_cast<int>(*controller));
  }
  const toml::table* notes = file.table(doc, "", "notes");
  if (notes == nullptr)
    file.fail(doc.source(), "notes", "a [notes] table is needed, like: 36 = \"kick\"");
  for (const auto& [key, value] : *notes) read_note(file, map, key, value);
  return map;
}

}  // namespace pocket
