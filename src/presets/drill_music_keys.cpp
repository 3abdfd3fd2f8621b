// The keys of a drill file that say what is played: swing, feel, pattern, sticking, groove,
// a song.
#include <cmath>
#include <filesystem>

#include "core/grid.hpp"
#include "drill_keys.hpp"

namespace pocket::drill_keys {

void read_swing(const TomlFile& file, const toml::table& doc, Drill& d) {
  read(file, doc, "", "swing", file.number(doc, "", "swing"), [&](double v) {
    d.swing.percent = v;
    resolve_swing({v, 0}, 64);  // the range alone; the grid is checked below
  });
  read(file, doc, "", "swing_on", file.integer(doc, "", "swing_on"), [&](std::int64_t v) {
    if (v != 8 && v != 16) throw std::invalid_argument("must be 8 (eighths) or 16 (sixteenths)");
    d.swing.unit = static_cast<int>(v);
  });
  try {
    d.resolved_swing();
  } catch (const std::invalid_argument& e) {
    const toml::node* at = doc.get(doc.get("swing_on") != nullptr ? "swing_on" : "swing");
    file.fail(at != nullptr ? at->source() : doc.source(), "swing", e.what());
  }
}

void read_feel(const TomlFile& file, const toml::table& t, Drill& d) {
  for (const auto& [pad, value] : t) {
    const std::string key = TomlFile::key_path("feel", pad.str());
    const auto ms = value.value<double>();
    if (!ms || !(std::abs(*ms) <= kMaxFeelMs)) {
      file.fail(value.source(), key,
                fmt::format("must be the pad's placement in ms, from -{0:.0f} (pushed) to {0:.0f} "
                            "(laid back), like snare = 10",
                            kMaxFeelMs));
    }
    d.feel[std::string(pad.str())] = *ms;
  }
}

void read_pattern(const TomlFile& file, const toml::table& t, Drill& d) {
  const int positions = Grid::constant(120.0, d.meters, d.scored_grid()).positions();
  for (const auto& [pad, value] : t) {
    const std::string key = TomlFile::key_path("pattern", pad.str());
    const auto marks = value.value<std::string>();
    if (!marks)
      file.fail(value.source(), key, "must be the pad's line in quotes, like \"x.x.x.x.\"");
    try {
      check_pattern({std::string(pad.str()), *marks}, positions, d.meters.size() > 1);
    } catch (const std::invalid_argument& e) {
      file.fail(value.source(), key, e.what());
    }
    d.pattern.push_back({std::string(pad.str()), *marks});
  }
}

void read_sticking(const TomlFile& file, const toml::table& doc, Drill& d) {
  const toml::node* node = doc.get("sticking");
  if (node == nullptr) return;
  const int positions = Grid::constant(120.0, d.meters, d.scored_grid()).positions();
  const auto add = [&](const toml::node& value, const std::string& pad, const std::string& key) {
    const auto marks = value.value<std::string>();
    if (!marks) file.fail(value.source(), key, "must be the hands in quotes, like \"RLRR LRLL\"");
    try {
      check_sticking({pad, *marks}, positions);
    } catch (const std::invalid_argument& e) {
      file.fail(value.source(), key, e.what());
    }
    d.sticking.push_back({pad, *marks});
  };
  if (const toml::table* per_pad = node->as_table()) {
    for (const auto& [pad, value] : *per_pad)
      add(value, std::string(pad.str()), TomlFile::key_path("sticking", pad.str()));
  } else {
    add(*node, "", "sticking");
  }
}

void read_groove_keys(const TomlFile& file, const toml::table& doc, Drill& d) {
  const auto name = file.text(doc, "", "groove");
  for (const char* key : {"groove_map", "loop", "target"}) {
    if (!name && doc.get(key) != nullptr)
      file.fail(doc.get(key)->source(), key, "goes with a groove (groove = \"FILE.mid\")");
  }
  if (!name) return;
  GrooveSettings groove;
  const std::filesystem::path midi = file.path().parent_path() / *name;
  if (!std::filesystem::is_regular_file(midi))
    file.fail(doc.get("groove")->source(), "groove",
              fmt::format("there is no file {}", midi.string()));
  groove.file = midi.string();
  groove.map = file.text(doc, "", "groove_map").value_or("");
  if (const toml::node* loop = doc.get("loop")) {
    if (!loop->is_boolean()) file.fail(loop->source(), "loop", "must be true or false");
    groove.loop = *loop->value<bool>();
  }
  read(file, doc, "", "target", file.text(doc, "", "target"), [&](const std::string& v) {
    if (v != "grid" && v != "performance")
      throw std::invalid_argument("must be \"grid\" (the notes on the grid) or \"performance\"");
    groove.target = v == "grid" ? GrooveTarget::grid : GrooveTarget::performance;
  });
  d.groove = groove;
}

void read_backing_keys(const TomlFile& file, const toml::table& doc, Drill& d) {
  const auto name = file.text(doc, "", "backing");
  if (!name) {
    if (const toml::node* offset = doc.get("backing_offset"))
      file.fail(offset->source(), "backing_offset", "goes with a song (backing = \"FILE\")");
    return;
  }
  const std::filesystem::path song = file.path().parent_path() / *name;
  if (!std::filesystem::is_regular_file(song))
    file.fail(doc.get("backing")->source(), "backing",
              fmt::format("there is no file {}", song.string()));
  DrillBacking backing{song.string(), 0.0};
  if (const toml::node* offset = doc.get("backing_offset")) {
    const std::optional<double> seconds = offset->value<double>();
    if (!seconds || *seconds < 0.0)
      file.fail(offset->source(), "backing_offset",
                "is where the song's first bar line is in it, in seconds: 0 or more");
    backing.first_bar_seconds = *seconds;
  }
  d.backing = backing;
}

std::optional<double> share_of_groove(const TomlFile& file, const toml::table& t,
                                      std::string_view prefix, std::string_view key,
                                      const Drill& d) {
  const toml::node* node = t.get(key);
  if (node == nullptr || !node->is_string()) return std::nullopt;
  try {
    if (!d.groove)
      throw std::invalid_argument(
          "a share of a tempo (\"80%\") needs a groove: give BPM, like 100");
    return parse_tempo_percent(*node->value<std::string>());
  } catch (const std::invalid_argument& e) {
    file.fail(node->source(), TomlFile::key_path(prefix, key), e.what());
  }
}

}  // namespace pocket::drill_keys
