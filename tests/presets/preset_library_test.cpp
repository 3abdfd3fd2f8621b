#include <fstream>
#include <string>

#include <catch2/catch.hpp>

#include "presets/preset_library.hpp"
#include "support/temp_dir.hpp"

using namespace pocket;
using Catch::Matchers::Contains;

namespace {

void write_file(const std::filesystem::path& path, const std::string& text) {
  std::filesystem::create_directories(path.parent_path());
  std::ofstream(path) << text;
}

std::string drill_text(const std::string& title, double bpm) {
  return "name = \"" + title + "\"\n[tempo]\nbpm = " + std::to_string(bpm) + "\n";
}

}  // namespace

TEST_CASE("the player's own presets shadow shipped ones of the same name", "[library]") {
  const test::TempDir dir;
  const auto shipped = dir / "shipped";
  const auto players = dir / "player";
  write_file(shipped / "drills" / "singles.toml", drill_text("Shipped singles", 90));
  write_file(shipped / "drills" / "groove.toml", drill_text("Shipped groove", 100));
  write_file(players / "drills" / "singles.toml", drill_text("My singles", 70));
  write_file(players / "drills" / "mine.toml", drill_text("Mine", 80));
  write_file(shipped / "drills" / "notes.txt", "not a drill");
  write_file(shipped / "kits" / "gm.toml", "[notes]\n36 = \"kick\"\n");
  write_file(players / "kits" / "td17.toml", "base = \"gm\"\n[notes]\n38 = \"snare\"\n");
  const PresetLibrary library(shipped, players);

  const std::vector<PresetEntry> drills = library.drills();
  REQUIRE(drills.size() == 3);
  CHECK(drills[0].name == "groove");
  CHECK_FALSE(drills[0].players_own);
  CHECK(drills[1].name == "mine");
  CHECK(drills[1].players_own);
  CHECK(drills[2].name == "singles");
  CHECK(drills[2].players_own);

  const LoadedDrill singles = library.drill("singles");
  CHECK(singles.drill.title == "My singles");
  CHECK(singles.drill.bpm == 70.0);
  CHECK(singles.file == players / "drills" / "singles.toml");
  CHECK(singles.fingerprint.size() == 16);
  CHECK(library.drill("groove").drill.title == "Shipped groove");

  // A player's kit built on a shipped one.
  const DrumMap td17 = library.kit("td17");
  CHECK(td17.pad_names() == std::vector<std::string>{"kick", "snare"});
}

TEST_CASE("a drill is also found by its file, and an unknown name lists the drills", "[library]") {
  const test::TempDir dir;
  write_file(dir / "shipped" / "drills" / "a.toml", drill_text("A", 90));
  write_file(dir / "elsewhere" / "b.toml", drill_text("B", 95));
  const PresetLibrary library(dir / "shipped", dir / "player");
  CHECK(library.drill((dir / "elsewhere" / "b.toml").string()).drill.name == "b");
  CHECK_THROWS_WITH(library.drill("c"), Contains("unknown drill 'c': use one of a, or a .toml"));
  CHECK_THROWS_WITH(library.drill("./missing.toml"), Contains("there is no file './missing.toml'"));
  const PresetLibrary empty(dir / "nowhere", dir / "player");
  CHECK_THROWS_WITH(empty.kit("gm"), Contains("no kits were found"));
}

TEST_CASE("the fingerprint follows the file's bytes", "[library]") {
  const test::TempDir dir;
  write_file(dir / "shipped" / "drills" / "a.toml", drill_text("A", 90));
  const PresetLibrary library(dir / "shipped", dir / "player");
  const std::string before = library.drill("a").fingerprint;
  CHECK(library.drill("a").fingerprint == before);
  write_file(dir / "shipped" / "drills" / "a.toml", drill_text("A", 91));
  CHECK(library.drill("a").fingerprint != before);
}

TEST_CASE("a player's kit may build on the shipped kit of its own name, never on itself",
          "[library]") {
  const test::TempDir dir;
  write_file(dir / "shipped" / "kits" / "roland.toml", "[notes]\n36 = \"kick\"\n");
  write_file(dir / "player" / "kits" / "roland.toml",
             "name = \"my roland\"\nbase = \"roland\"\n[notes]\n38 = \"snare\"\n");
  write_file(dir / "player" / "kits" / "a.toml", "base = \"b\"\n[notes]\n36 = \"kick\"\n");
  write_file(dir / "player" / "kits" / "b.toml", "base = \"a\"\n[notes]\n38 = \"snare\"\n");
  const PresetLibrary library(dir / "shipped", dir / "player");
  const DrumMap mine = library.kit("roland");
  CHECK(mine.title() == "my roland");
  CHECK(mine.pad_names() == std::vector<std::string>{"kick", "snare"});
  CHECK_THROWS_WITH(library.kit("a"), Contains("each other's base (a -> b -> a)"));
}
