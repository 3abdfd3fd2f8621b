// pocket ladder: a tempo ladder driven by the coach.
#include <iostream>

#include <boost/program_options.hpp>

#include "backing_options.hpp"
#include "command.hpp"
#include "drill_options.hpp"
#include "kit_remote_options.hpp"
#include "live_options.hpp"

namespace po = boost::program_options;

namespace pocket::app {

int run_ladder(const std::vector<std::string>& args) {
  LiveCommonOptions common;
  po::options_description help(
      "pocket ladder: climb in small tempo steps while your timing holds\n\noptions");
  help.add_options()("help,h", "show this help");
  po::options_description all;
  all.add(help)
      .add(drill_options(DrillKind::ladder))
      .add(live_options(common))
      .add(kit_remote_options())
      .add(backing_options(true));
  po::variables_map vm;
  po::store(po::command_line_parser(args).options(all).run(), vm);
  if (vm.count("help")) {
    std::cout
        << all
        << "\nThe bar after each step is not scored: the coach decides there, and the new tempo\n"
           "starts on the following bar line. The climb stays within --max-increase of your\n"
           "consolidated tempo from the history.\n\n"
           "On a song (--backing) the ladder climbs in shares of its tempo, and the song with it:\n"
           "with --from 70% --to 100% --step 5% it plays at 70, 75, 80 % and on, at the same\n"
           "pitch, and the healthy pace is the speed you hold on that song.\n\n"
           "example: pocket ladder --from 100 --to 140 --step 3% --bars 8\n"
           "         pocket ladder --backing song.wav --bpm 120 --from 70% --to 100% --step 5%\n";
    return kExitOk;
  }
  po::notify(vm);

  LiveOptions live;
  live.drill.name = "ladder";
  live.drill.click.count_in_bars = 1;
  live.drill.ladder = LadderConfig{};
  apply_drill_options(vm, live.drill);
  return run_drill_session(common, vm, live);
}

}  // namespace pocket::app
