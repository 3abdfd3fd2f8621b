// pocket kits: the kit maps pocket knows, shipped and the player's own.
#include <iostream>

#include <fmt/format.h>
#include <boost/program_options.hpp>

#include "command.hpp"
#include "live_options.hpp"
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
      "names", "only the kits' names, one a line (for scripts and shell completion)")(
      "pads", "only the pads of your kit (or of the kit named after --pads), one a line");
  std::string kit_name;
  po::options_description hidden;
  hidden.add_options()("kit", po::value(&kit_name));
  po::options_description all;
  all.add(options).add(hidden);
  po::positional_options_description positional;
  positional.add("kit", 1);
  po::variables_map vm;
  po::store(po::command_line_parser(args).options(all).positional(positional).run(), vm);
  if (vm.count("help")) {
    std::cout << options << "\nexample: pocket kits --pads roland\n";
    return kExitOk;
  }
  po::notify(vm);
  const PresetLibrary library = PresetLibrary::standard();
  // The pads --remote-pad takes: of the kit named, else of the kit every command uses.
  if (vm.count("pads")) {
    const DrumMap kit = chosen_kit(kit_name, library);
    for (const std::string& pad : kit.pad_names()) fmt::print("{}\n", pad);
    return kExitOk;
  }
  if (!kit_name.empty())
    throw UsageError("a kit's name goes after --pads: pocket kits --pads " + kit_name);
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
