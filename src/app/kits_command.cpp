// pocket kits: the kit maps pocket knows, shipped and the player's own.
#include <iostream>

#include <fmt/format.h>
#include <boost/program_options.hpp>

#include "command.hpp"
#include "command_line.hpp"
#include "presets/preset_error.hpp"
#include "presets/preset_library.hpp"
#include "presets/user_config.hpp"

namespace po = boost::program_options;

namespace pocket::app {

int run_kits(const std::vector<std::string>& args) {
  po::options_description options(
      "pocket kits: the kit maps (MIDI note to pad) for --drum-map and drum_map in the "
      "config\n\noptions");
  options.add_options()("help,h", "show this help")(
      "names", "only the kits' names, one a line (for scripts and shell completion)");
  po::variables_map vm;
  if (!parse_command_line(args, options, {}, vm, "pocket kits")) return kExitOk;
  const PresetLibrary library = PresetLibrary::standard();
  // The names --drum-map takes, yours and shipped, without reading the files.
  if (vm.count("names")) {
    for (const PresetEntry& entry : library.kits()) fmt::print("{}\n", entry.name);
    return kExitOk;
  }
  int broken = 0;
  for (const PresetEntry& entry : library.kits()) {
    try {
      const DrumMap kit = library.kit(entry.name);
      int unconfirmed = 0;
      for (int note = 0; note < 128; ++note) unconfirmed += kit.unconfirmed(note);
      fmt::print("{:<10} {}{}\n           {} pads; notes from: {}{}\n", kit.name(), kit.title(),
                 entry.players_own ? " (yours)" : "", kit.pad_names().size(),
                 kit.source().empty() ? "(not given)" : kit.source(),
                 unconfirmed > 0 ? fmt::format("; {} note{} unconfirmed", unconfirmed,
                                               unconfirmed == 1 ? "" : "s")
                                 : "");
    } catch (const PresetError& e) {
      fmt::print("{:<10} cannot be read: {}\n", entry.name, e.what());
      ++broken;
    }
  }
  fmt::print("\nyour own kits go in {}\n", (config_folder() / "kits").string());
  return broken > 0 ? kExitInputFile : kExitOk;
}

}  // namespace pocket::app
