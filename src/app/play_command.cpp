// pocket play: the click, the kit, live feedback and a summary.
#include <iostream>

#include <boost/program_options.hpp>

#include "backing_options.hpp"
#include "command.hpp"
#include "drill_options.hpp"
#include "kit_remote_options.hpp"
#include "live_options.hpp"

namespace po = boost::program_options;

namespace pocket::app {

int run_play(const std::vector<std::string>& args) {
  LiveCommonOptions common;
  po::options_description help(
      "pocket play: play along with the click and see your timing\n\noptions");
  help.add_options()("help,h", "show this help");
  po::options_description all;
  all.add(help)
      .add(drill_options(DrillKind::fixed))
      .add(live_options(common))
      .add(kit_remote_options())
      .add(backing_options());
  po::variables_map vm;
  po::store(po::command_line_parser(args).options(all).run(), vm);
  if (vm.count("help")) {
    std::cout << all
              << "\nexample: pocket play --bpm 96 --subdivision 2 --midi-in TD-17 --minutes 5\n";
    return kExitOk;
  }
  po::notify(vm);

  LiveOptions live;
  live.drill.name = "play";
  live.drill.click.count_in_bars = 1;
  apply_drill_options(vm, live.drill);
  return run_drill_session(common, vm, live);
}

}  // namespace pocket::app
