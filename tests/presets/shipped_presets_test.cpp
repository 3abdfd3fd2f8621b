// Every file in presets/ must load: a broken shipped drill or kit fails here, not on a player.
#include <set>
#include <string>

#include <catch2/catch.hpp>

#include "core/grid.hpp"
#include "presets/preset_error.hpp"
#include "support/shipped_presets.hpp"

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
    CHECK_NOTHROW(ExpectedStrokes(d.pattern, gm.pad_names(),
                                  Grid::constant(d.start_bpm(), d.meters, d.scored_grid())
                                      .positions()));
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
