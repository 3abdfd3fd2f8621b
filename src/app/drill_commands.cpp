// pocket drill and pocket drills: practising the drills of presets/ and the player's own.
#include <iostream>

#include <fmt/format.h>
#include <boost/program_options.hpp>

#include "backing_options.hpp"
#include "command.hpp"
#include "command_line.hpp"
#include "core/tempo_text.hpp"
#include "drill_options.hpp"
#include "history/practice_record.hpp"
#include "history_files.hpp"
#include "kit_remote_options.hpp"
#include "live_options.hpp"
#include "presets/preset_error.hpp"
#include "presets/user_config.hpp"
#include "views/wrapped_text.hpp"

namespace po = boost::program_options;

namespace pocket::app {

namespace {

// "100 BPM, 16 bars", "ladder 90-120 BPM, up-down", ...
// A groove's tempos may be shares of its own: "groove 90%", "ladder 85%-100%".
std::string tempo_summary(const Drill& d) {
  const std::optional<GrooveSettings>& g = d.groove;
  const auto tempo = [&](double bpm, const std::optional<double>& share) {
    return share ? fmt::format("{:g}%", *share) : format_one_decimal(bpm);
  };
  if (d.ladder) {
    const LadderConfig& l = *d.ladder;
    return fmt::format("ladder {}-{}, {}", tempo(l.start_bpm, g ? g->from_percent : std::nullopt),
                       tempo(l.target_bpm, g ? g->to_percent : std::nullopt),
                       to_string(l.direction));
  }
  const std::string bpm =
      g && g->tempo_percent ? fmt::format("groove {:g}%", *g->tempo_percent) : format_bpm(d.bpm);
  if (g && !g->loop) return bpm + ", once";
  return d.bars > 0 ? fmt::format("{}, {} bars", bpm, d.bars) : bpm;
}

LoadedDrill load_drill(const PresetLibrary& library, const std::string& name_or_file) {
  try {
    return library.drill(name_or_file);
  } catch (const std::invalid_argument& e) {
    throw UsageError(e.what());
  }
}

}  // namespace

int run_drill(const std::vector<std::string>& args) {
  std::string name;
  LiveCommonOptions common;
  po::options_description help(
      "pocket drill NAME|FILE: play a drill from presets/ or your own, live\n\n"
      "Every setting of the drill can be overridden with the options below\n\noptions");
  help.add_options()("help,h", "show this help");
  po::options_description hidden;
  hidden.add_options()("name", po::value(&name));
  po::options_description visible;
  visible.add(help)
      .add(drill_options(DrillKind::any))
      .add(live_options(common))
      .add(kit_remote_options())
      .add(backing_options());
  po::options_description all;
  all.add(visible).add(hidden);
  po::positional_options_description positional;
  positional.add("name", 1);
  po::variables_map vm;
  po::store(po::command_line_parser(args).options(all).positional(positional).run(), vm);
  if (vm.count("help")) {
    std::cout << visible
              << "\n'pocket drills' lists the drills.\n\nexample: pocket drill paradiddles "
                 "--midi-in TD-17\n";
    return kExitOk;
  }
  po::notify(vm);
  if (name.empty()) throw UsageError("which drill? ('pocket drills' lists them)");

  LoadedDrill loaded = load_drill(PresetLibrary::standard(), name);
  LiveOptions live;
  live.drill = std::move(loaded.drill);
  apply_drill_options(vm, live.drill);
  return run_drill_session(common, vm, live, loaded.fingerprint);
}

int run_drills(const std::vector<std::string>& args) {
  std::string db;
  po::options_description options(
      "pocket drills: every drill, shipped and your own, with your consolidated tempo and "
      "goal\n\noptions");
  options.add_options()("help,h", "show this help")("db", po::value(&db), "the history database")(
      "names", "only the drills' names, one a line (for scripts and shell completion)");
  po::variables_map vm;
  if (!parse_command_line(args, options, {}, vm, "pocket drills")) return kExitOk;

  const PresetLibrary library = PresetLibrary::standard();
  const std::vector<PresetEntry> entries = library.drills();
  // The names the player can type, yours and shipped, without reading a file or the history.
  if (vm.count("names")) {
    for (const PresetEntry& entry : entries) fmt::print("{}\n", entry.name);
    return kExitOk;
  }
  if (entries.empty()) {
    fmt::print("no drills found in {} (is pocket installed completely?)\n",
               (library.shipped_folder() / "drills").string());
    return kExitFailure;
  }
  const SessionStore store = open_store(db);
  fmt::print("{:<22} {:<9} {:<26} {:>12} {:>9}  {}\n", "drill", "meter", "tempo", "consolidated",
             "goal", "what");
  int broken = 0;
  for (const PresetEntry& entry : entries) {
    Drill d;
    try {
      d = library.drill(entry.name).drill;
    } catch (const PresetError& e) {
      fmt::print("{:<22} cannot be read: {}\n", entry.name, e.what());
      ++broken;
      continue;
    }
    const std::optional<double> held = consolidated_from_history(store, d.name);
    const std::optional<StoredGoal> goal = store.goal(d.name);
    fmt::print("{:<22} {:<9} {:<26} {:>12} {:>9}  {}{}\n", shortened(d.name, 22),
               shortened(to_string(d.meters), 9), shortened(tempo_summary(d), 26),
               held ? format_bpm(*held) : "-", goal ? format_bpm(goal->bpm) : "-",
               shortened(d.title, 40), entry.players_own ? " (yours)" : "");
  }
  fmt::print("\n'pocket drill NAME' plays one; your own go in {}\n",
             (config_folder() / "drills").string());
  return broken > 0 ? kExitInputFile : kExitOk;
}

}  // namespace pocket::app
