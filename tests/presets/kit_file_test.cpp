#include <fstream>
#include <stdexcept>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "presets/kit_file.hpp"
#include "presets/preset_error.hpp"
#include "support/shipped_presets.hpp"
#include "support/temp_dir.hpp"

using namespace pocket;
using Catch::Matchers::Contains;
using Catch::Matchers::StartsWith;
using test::shipped_kit;

namespace {

std::string pad_name_of(const DrumMap& map, int note) {
  const int pad = map.pad_of(note);
  return pad < 0 ? "(none)" : map.pad_names().at(static_cast<std::size_t>(pad));
}

// A kit file whose `base` names a shipped kit.
DrumMap read_kit(const std::filesystem::path& path) {
  return read_kit_file(path, [](const std::string& base) { return shipped_kit(base); });
}

// The message of the error that loading the map at `path` throws.
std::string toml_error(const std::filesystem::path& path) {
  try {
    read_kit(path);
  } catch (const PresetError& e) {
    return e.what();
  }
  FAIL(path.string() << " was loaded without an error");
  return {};
}

}  // namespace

TEST_CASE("the General MIDI map has the GM percussion notes", "[drum_map]") {
  const DrumMap gm = shipped_kit("gm");
  CHECK(gm.name() == "gm");
  CHECK(pad_name_of(gm, 36) == "kick");
  CHECK(pad_name_of(gm, 35) == "kick");
  CHECK(pad_name_of(gm, 38) == "snare");
  CHECK(gm.articulation_of(38).empty());
  CHECK(pad_name_of(gm, 40) == "snare");
  CHECK(gm.articulation_of(40) == "rim");
  CHECK(pad_name_of(gm, 42) == "hihat");
  CHECK(gm.articulation_of(42) == "closed");
  CHECK(pad_name_of(gm, 44) == "hihat");
  CHECK(gm.articulation_of(44) == "pedal");
  CHECK(pad_name_of(gm, 46) == "hihat");
  CHECK(gm.articulation_of(46) == "open");
  CHECK(pad_name_of(gm, 51) == "ride");
  CHECK(pad_name_of(gm, 49) == "crash");
  CHECK(pad_name_of(gm, 48) == "tom1");
  CHECK(pad_name_of(gm, 50) == "tom1");
  CHECK(gm.pad_of(36) == gm.pad_index("kick"));
  CHECK(gm.pad_of(60) == -1);  // a bongo: not a kit pad
  CHECK(gm.pad_of(-1) == -1);
  CHECK(gm.pad_of(128) == -1);
  CHECK(gm.articulation_of(128).empty());
}

TEST_CASE("the Roland map gives rims and hi-hat edges notes of their own", "[drum_map]") {
  const DrumMap roland = shipped_kit("roland");
  CHECK(roland.name() == "roland");
  CHECK(pad_name_of(roland, 36) == "kick");
  CHECK(pad_name_of(roland, 38) == "snare");
  CHECK(pad_name_of(roland, 40) == "snare");
  CHECK(roland.articulation_of(40) == "rim");
  CHECK(pad_name_of(roland, 22) == "hihat");
  CHECK(roland.articulation_of(22) == "closed-edge");
  CHECK(pad_name_of(roland, 26) == "hihat");
  CHECK(roland.articulation_of(26) == "open-edge");
  CHECK(pad_name_of(roland, 44) == "hihat");
  CHECK(roland.articulation_of(44) == "pedal");
  CHECK(pad_name_of(roland, 50) == "tom1");
  CHECK(roland.articulation_of(50) == "rim");
  CHECK(pad_name_of(roland, 35) == "(none)");
}

TEST_CASE("the Alesis and Yamaha maps have the basic kit notes", "[drum_map]") {
  for (const char* name : {"alesis", "yamaha"}) {
    INFO(name);
    const DrumMap map = shipped_kit(name);
    CHECK(map.name() == name);
    CHECK(pad_name_of(map, 36) == "kick");
    CHECK(pad_name_of(map, 38) == "snare");
    CHECK(pad_name_of(map, 40) == "snare");
    CHECK(map.articulation_of(40) == "rim");
    CHECK(pad_name_of(map, 42) == "hihat");
    CHECK(pad_name_of(map, 44) == "hihat");
    CHECK(map.articulation_of(44) == "pedal");
    CHECK(pad_name_of(map, 46) == "hihat");
    CHECK(pad_name_of(map, 48) == "tom1");
    CHECK(pad_name_of(map, 49) == "crash");
    CHECK(pad_name_of(map, 51) == "ride");
    CHECK(pad_name_of(map, 22) == "(none)");
  }
}

TEST_CASE("an unknown kit name lists the kits there are", "[drum_map]") {
  CHECK_THROWS_MATCHES(shipped_kit("ddrum"), std::invalid_argument,
                       Catch::Matchers::Message(
                           "unknown kit 'ddrum': use one of alesis, efnote, gm, roland, yamaha, "
                           "or a .toml file"));
  CHECK_THROWS_AS(shipped_kit("GM"), std::invalid_argument);
}

TEST_CASE("a kit is found by name or as a .toml path", "[drum_map]") {
  CHECK(shipped_kit("roland").articulation_of(22) == "closed-edge");

  const test::TempDir dir;
  const auto path = dir.write("studio.toml", "[notes]\n36 = \"kick\"\n");
  const DrumMap map = shipped_kit(path.string());
  CHECK(map.name() == "studio");
  CHECK(map.pad_names() == std::vector<std::string>{"kick"});
}

TEST_CASE("set() checks the note and the pad name, and holds at most 32 pads", "[drum_map]") {
  DrumMap map = shipped_kit("gm");
  CHECK_THROWS_AS(map.set(128, "kick"), std::invalid_argument);
  CHECK_THROWS_AS(map.set(-1, "kick"), std::invalid_argument);
  CHECK_THROWS_AS(map.set(60, ""), std::invalid_argument);
  CHECK_THROWS_AS(map.set(60, "1tom"), std::invalid_argument);
  map.set(60, "bongo-hi", "slap");
  CHECK(pad_name_of(map, 60) == "bongo-hi");
  CHECK(map.articulation_of(60) == "slap");

  const int builtin_pads = static_cast<int>(map.pad_names().size());
  for (int i = builtin_pads; i < DrumMap::kMaxPads; ++i) map.set(i, "pad" + std::to_string(i));
  CHECK(map.pad_names().size() == static_cast<std::size_t>(DrumMap::kMaxPads));
  CHECK_THROWS_WITH(map.set(100, "one-too-many"), Contains("at most 32 pads"));
  map.set(100, "kick");  // an existing pad still fits
  CHECK(pad_name_of(map, 100) == "kick");
}

TEST_CASE("a TOML map with plain pad names", "[drum_map][toml]") {
  const test::TempDir dir;
  const auto path = dir.write("plain.toml",
                              "[notes]\n"
                              "36 = \"kick\"\n"
                              "38 = \"snare\"\n"
                              "45 = \"floor-tom\"\n");
  const DrumMap map = read_kit(path);
  CHECK(map.name() == "plain");   // called by its file's name
  CHECK(map.title() == "plain");  // and titled so when it has no name key
  CHECK(pad_name_of(map, 36) == "kick");
  CHECK(pad_name_of(map, 38) == "snare");
  CHECK(pad_name_of(map, 45) == "floor-tom");
  CHECK(map.articulation_of(38).empty());
  CHECK(map.pad_of(42) == -1);  // nothing from a built-in map without base
  CHECK(map.pad_names().size() == 3);
}

TEST_CASE("a TOML map with an articulation in an inline table", "[drum_map][toml]") {
  const test::TempDir dir;
  const auto path = dir.write("rims.toml",
                              "[notes]\n"
                              "38 = \"snare\"\n"
                              "40 = { pad = \"snare\", articulation = \"rim\" }\n");
  const DrumMap map = read_kit(path);
  CHECK(map.pad_of(40) == map.pad_of(38));
  CHECK(map.articulation_of(40) == "rim");
  CHECK(map.articulation_of(38).empty());
  CHECK(map.pad_names() == std::vector<std::string>{"snare"});
}

TEST_CASE("a TOML map with a base and a name overrides notes of the built-in map",
          "[drum_map][toml]") {
  const test::TempDir dir;
  const auto path = dir.write("td17.toml",
                              "name = \"my td-17\"\n"
                              "base = \"roland\"\n"
                              "\n"
                              "[notes]\n"
                              "22 = { pad = \"ride\", articulation = \"edge\" }\n"
                              "60 = \"cowbell\"\n");
  const DrumMap map = read_kit(path);
  CHECK(map.name() == "td17");  // called by its file's name
  CHECK(map.title() == "my td-17");
  CHECK(pad_name_of(map, 22) == "ride");
  CHECK(map.articulation_of(22) == "edge");
  CHECK(pad_name_of(map, 60) == "cowbell");
  // The rest of the Roland map stays.
  CHECK(pad_name_of(map, 26) == "hihat");
  CHECK(map.articulation_of(26) == "open-edge");
  CHECK(pad_name_of(map, 40) == "snare");
  CHECK(map.articulation_of(40) == "rim");
  CHECK(map.pad_names().size() == shipped_kit("roland").pad_names().size() + 1);
}

TEST_CASE("kit file errors name the file, the line, the column and the key",
          "[drum_map][toml][errors]") {
  const test::TempDir dir;

  SECTION("a syntax error") {
    const auto path = dir.write("syntax.toml",
                                "[notes]\n"
                                "36 = \"kick\"\n"
                                "38 = \"snare\n");
    CHECK_THAT(toml_error(path), StartsWith(path.string() + ":3:12: "));
  }
  SECTION("a note number out of range") {
    const auto path = dir.write("range.toml",
                                "# my kit\n"
                                "[notes]\n"
                                "36 = \"kick\"\n"
                                "300 = \"snare\"\n");
    const std::string message = toml_error(path);
    CHECK_THAT(message, StartsWith(path.string() + ":4:1: key 'notes.300': "));
    CHECK_THAT(message, Contains("0 to 127"));
  }
  SECTION("a key that is not a number") {
    const auto path = dir.write("word.toml", "[notes]\nkick = \"kick\"\n");
    CHECK_THAT(toml_error(path), StartsWith(path.string() + ":2:1: key 'notes.kick': "));
  }
  SECTION("a pad name with capitals") {
    const auto path = dir.write("capitals.toml",
                                "[notes]\n"
                                "36 = \"kick\"\n"
                                "\n"
                                "38 = \"Snare\"\n");
    const std::string message = toml_error(path);
    CHECK_THAT(message, StartsWith(path.string() + ":4:6: key 'notes.38': "));
    CHECK_THAT(message, Contains("'Snare'"));
    CHECK_THAT(message, Contains("lower-case"));
  }
  SECTION("a pad name with a space, in an inline table") {
    const auto path = dir.write("space.toml",
                                "[notes]\n"
                                "40 = { pad = \"snare drum\", articulation = \"rim\" }\n");
    const std::string message = toml_error(path);
    CHECK_THAT(message, StartsWith(path.string() + ":2:6: key 'notes.40': "));
    CHECK_THAT(message, Contains("'snare drum'"));
  }
  SECTION("a number for a pad") {
    const auto path = dir.write("number.toml",
                                "[notes]\n"
                                "36 = \"kick\"\n"
                                "38 = 5\n");
    const std::string message = toml_error(path);
    CHECK_THAT(message, StartsWith(path.string() + ":3:6: key 'notes.38': "));
    CHECK_THAT(message, Contains("must be a pad name"));
  }
  SECTION("no [notes] table") {
    const auto path = dir.write("no-notes.toml", "name = \"empty\"\n");
    const std::string message = toml_error(path);
    CHECK_THAT(message, StartsWith(path.string() + ":1:1: key 'notes': "));
    CHECK_THAT(message, Contains("[notes] table is needed"));
  }
  SECTION("notes that are not a table") {
    const auto path = dir.write("flat.toml", "name = \"flat\"\nnotes = 36\n");
    CHECK_THAT(toml_error(path), StartsWith(path.string() + ":2:9: key 'notes': "));
  }
  SECTION("an unknown top-level key") {
    const auto path = dir.write("tempo.toml",
                                "name = \"kit\"\n"
                                "tempo = 120\n"
                                "[notes]\n"
                                "36 = \"kick\"\n");
    const std::string message = toml_error(path);
    CHECK_THAT(message, StartsWith(path.string() + ":2:1: key 'tempo': "));
    CHECK_THAT(message, Contains("unknown key"));
  }
  SECTION("an unknown base") {
    const auto path = dir.write("ddrum.toml",
                                "name = \"kit\"\n"
                                "base = \"ddrum\"\n"
                                "[notes]\n"
                                "36 = \"kick\"\n");
    const std::string message = toml_error(path);
    CHECK_THAT(message, StartsWith(path.string() + ":2:8: key 'base': "));
    CHECK_THAT(message, Contains("unknown kit 'ddrum'"));
  }
  SECTION("a base that is not text") {
    const auto path = dir.write("base.toml", "base = 1\n[notes]\n36 = \"kick\"\n");
    CHECK_THAT(toml_error(path), StartsWith(path.string() + ":1:8: key 'base': "));
  }
  SECTION("a missing file") {
    const std::filesystem::path path = dir / "missing.toml";
    CHECK_THAT(toml_error(path), StartsWith(path.string() + ":"));
  }
}

TEST_CASE("a user map built on a built-in keeps its own name", "[drum_map]") {
  pocket::test::TempDir dir;
  std::ofstream(dir / "td17.toml") << "base = \"roland\"\n[notes]\n38 = \"snare\"\n";
  CHECK(read_kit(dir / "td17.toml").name() == "td17");
}

TEST_CASE("mistakes inside an inline note table name their key", "[drum_map]") {
  pocket::test::TempDir dir;
  std::ofstream(dir / "typo.toml")
      << "[notes]\n36 = \"kick\"\n40 = { pad = \"snare\", artic = \"rim\" }\n";
  CHECK_THROWS_WITH(
      read_kit(dir / "typo.toml"),
      Catch::Contains("typo.toml:3:23: key 'notes.40.artic'") && Catch::Contains("unknown key"));
  std::ofstream(dir / "number.toml") << "[notes]\n40 = { pad = \"snare\", articulation = 5 }\n";
  CHECK_THROWS_WITH(
      read_kit(dir / "number.toml"),
      Catch::Contains("number.toml:2:38: key 'notes.40.articulation'") && Catch::Contains("text"));
}
