#include <csignal>
#include <cstdio>
#include <exception>
#include <string>
#include <string_view>
#include <vector>

#include <fmt/format.h>
#include <boost/program_options/errors.hpp>

#include "command.hpp"
#include "core/errors.hpp"
#include "store/session_store.hpp"

namespace {

struct Command {
  std::string_view name;
  std::string_view summary;
  int (*run)(const std::vector<std::string>&);
};

constexpr Command kCommands[] = {
    {"demo", "see the main job with no kit: a virtual drummer climbs a ladder",
     pocket::app::run_demo},
    {"setup", "find your kit and output, calibrate, and remember them", pocket::app::run_setup},
    {"render", "write a click track to an audio file", pocket::app::run_render},
    {"score", "score the timing of a recorded MIDI performance", pocket::app::run_score},
    {"play", "play along with the click and see your timing live", pocket::app::run_play},
    {"ladder", "climb a tempo ladder at a healthy pace", pocket::app::run_ladder},
    {"drill", "practise a drill from presets/ or your own", pocket::app::run_drill},
    {"drills", "every drill, with your consolidated tempo and goal", pocket::app::run_drills},
    {"goal", "set (or see) the tempo you want to reach on a drill", pocket::app::run_goal},
    {"goals", "your goals, your own rate towards each, and what a date takes",
     pocket::app::run_goals},
    {"calibrate", "measure your loop offset and remember it", pocket::app::run_calibrate},
    {"devices", "list audio outputs and MIDI inputs", pocket::app::run_devices},
    {"kits", "the kit maps for --drum-map", pocket::app::run_kits},
    {"history", "your kept sessions, newest first", pocket::app::run_history},
    {"show", "one session in detail", pocket::app::run_show},
    {"report", "one session as an HTML page with charts", pocket::app::run_report},
    {"progress", "your consolidated tempo and consistency over the weeks",
     pocket::app::run_progress},
    {"export", "a session's strokes as CSV, JSON or a MIDI file", pocket::app::run_export},
    {"import", "bring in a session kept in a recovery file", pocket::app::run_import},
    {"note", "add your own words to a session", pocket::app::run_note},
    {"delete", "remove a session", pocket::app::run_delete},
};

void print_help() {
  fmt::print(
      "pocket: a drum metronome and tempo trainer\n\n"
      "usage: pocket COMMAND [options]\n\ncommands:\n");
  for (const Command& command : kCommands)
    fmt::print("  {:<10} {}\n", command.name, command.summary);
  fmt::print("\n'pocket COMMAND --help' shows a command's options.\n");
}

}  // namespace

int main(int argc, char** argv) {
  using namespace pocket::app;
  // A file grown past the size limit (ulimit -f) must be a failed write that pocket handles,
  // keeping the session in a recovery file, not the end of the program.
  std::signal(SIGXFSZ, SIG_IGN);
  const std::vector<std::string> args(argv + 1, argv + argc);
  if (args.empty() || args[0] == "--help" || args[0] == "-h" || args[0] == "help") {
    print_help();
    return args.empty() ? kExitUsage : kExitOk;
  }
  if (args[0] == "--version") {
    fmt::print("pocket {}\n", POCKET_VERSION);
    return kExitOk;
  }
  for (const Command& command : kCommands) {
    if (args[0] != command.name) continue;
    try {
      return command.run({args.begin() + 1, args.end()});
    } catch (const pocket::UsageError& e) {
      fmt::print(stderr, "pocket {}: {}\n", command.name, e.what());
      return kExitUsage;
    } catch (const boost::program_options::error& e) {
      fmt::print(stderr, "pocket {}: {} (see 'pocket {} --help')\n", command.name, e.what(),
                 command.name);
      return kExitUsage;
    } catch (const pocket::DeviceError& e) {
      fmt::print(stderr, "pocket {}: {}\n", command.name, e.what());
      return kExitDevice;
    } catch (const pocket::StoreError& e) {
      fmt::print(stderr, "pocket {}: {}\n", command.name, e.what());
      return kExitHistory;
    } catch (const pocket::InputFileError& e) {
      fmt::print(stderr, "pocket {}: {}\n", command.name, e.what());
      return kExitInputFile;
    } catch (const std::exception& e) {
      fmt::print(stderr, "pocket {}: {}\n", command.name, e.what());
      return kExitFailure;
    }
  }
  fmt::print(stderr, "pocket: unknown command '{}' (see 'pocket --help')\n", args[0]);
  return kExitUsage;
}
