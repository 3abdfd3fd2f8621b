// Every file in presets/ must load: a broken shipped drill or kit fails here, not on a player.
#include <fstream>
#include <set>
#include <sstream>
#include <string>

#include <catch2/catch.hpp>

#include "core/grid.hpp"
#include "presets/drill_file.hpp"
#include "presets/kit_file.hpp"
#include "presets/preset_error.hpp"
#include "support/shipped_presets.hpp"
#include "support/temp_dir.hpp"

using namespace pocket;

TEST_CASE("every shipped kit loads and names its source", "[shipped]") {
  const PresetLibrary library = test::shipped_presets();
  const std::vector<PresetEntry> kits = library.kits();
  std::set<std::string> names;
  for (const PresetEntry& entry : kits) {
    INFO(entry.file.string());
    DrumMap kit("none");
    REQUIRE_NOTHROW(kit = library.kit(entry.name));
    CHECK_FALSE(kit.source().empty());
    CHECK(kit.title() != kit.name());
    CHECK(kit.pad_index("kick") >= 0);
    CHECK(kit.pad_index("snare") >= 0);
    CHECK(kit.pad_index("hihat") >= 0);
    names.insert(entry.name);
  }
  CHECK(names == std::set<std::string>{"alesis", "efnote", "gm", "roland", "yamaha"});
}

TEST_CASE("the Roland kit has the hi-hat edge notes and the pedal on CC4", "[shipped]") {
  const DrumMap roland = test::shipped_kit("roland");
  CHECK(roland.describe(22) == "hihat closed-edge");
  CHECK(roland.describe(26) == "hihat open-edge");
  CHECK(roland.describe(44) == "hihat pedal");
  CHECK(roland.hihat_pedal_controller() == 4);
  CHECK_FALSE(roland.unconfirmed(22));
  CHECK(test::shipped_kit("gm").pad_of(22) == -1);
}

TEST_CASE("every shipped drill loads, and there are at least fourteen", "[shipped]") {
  const PresetLibrary library = test::shipped_presets();
  const DrumMap gm = library.kit("gm");
  const std::vector<PresetEntry> drills = library.drills();
  CHECK(drills.size() >= 14);
  int ladders = 0, patterns = 0, cycles = 0, modes = 0;
  std::set<LadderDirection> directions;
  for (const PresetEntry& entry : drills) {
    INFO(entry.file.string());
    LoadedDrill loaded;
    REQUIRE_NOTHROW(loaded = library.drill(entry.name));
    const Drill& d = loaded.drill;
    CHECK_FALSE(d.title.empty());
    CHECK_FALSE(d.description.empty());
    CHECK_NOTHROW(validate(d));
    // Every pattern's pads are General MIDI pads, so any kit map plays it.
    CHECK_NOTHROW(expected_strokes(d, gm.pad_names()));
    if (d.ladder) {
      ++ladders;
      directions.insert(d.ladder->direction);
    }
    patterns += !d.pattern.empty();
    cycles += d.meters.size() > 1;
    modes += d.click.random_mute.active() || d.silent_while_tight || d.quiet_count ||
             d.click.gap.active();
  }
  CHECK(ladders >= 3);
  CHECK(directions.size() == 3);  // up, down and up-down
  CHECK(patterns >= 3);
  CHECK(cycles >= 1);
  CHECK(modes >= 4);
}

TEST_CASE("the complete examples in presets/README.md load as they are written", "[shipped]") {
  std::ifstream in(std::string(POCKET_SOURCE_PRESETS) + "/README.md");
  std::stringstream text;
  text << in.rdbuf();
  const std::string readme = text.str();
  const test::TempDir dir;
  int drills = 0, kits = 0;
  for (std::size_t at = readme.find("```toml\n# ~/.config/pocket/"); at != std::string::npos;
       at = readme.find("```toml\n# ~/.config/pocket/", at + 1)) {
    const std::size_t begin = at + 8;
    const std::string block = readme.substr(begin, readme.find("```", begin) - begin);
    const std::string path = block.substr(2, block.find(':') - 2);  // "~/.config/pocket/..."
    const std::filesystem::path file = dir / std::filesystem::path(path).filename().string();
    std::ofstream(file) << block;
    INFO(path);
    if (path.find("/drills/") != std::string::npos) {
      CHECK_NOTHROW(read_drill_file(file));
      ++drills;
    } else {
      CHECK_NOTHROW(
          read_kit_file(file, [](const std::string& base) { return test::shipped_kit(base); }));
      ++kits;
    }
  }
  CHECK(drills == 1);
  CHECK(kits == 1);
}
