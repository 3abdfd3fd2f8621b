// pocket play: the click, the kit, live feedback and a summary.
#include <iostream>

#include <fmt/format.h>
#include <boost/program_options.hpp>
#include <nlohmann/json.hpp>

#include "command.hpp"
#include "live_options.hpp"

namespace po = boost::program_options;

namespace pocket::app {

int run_play(const std::vector<std::string>& args) {
  double bpm = 120.0;
  std::string meter = "4/4", accent, gap;
  int subdivision = 1, count_in = 1, grid = 0;
  std::int64_t bars = 0;
  double minutes = 0.0;
  LiveCommonOptions common;
  po::options_description drill(
      "pocket play: play along with the click and see your timing\n\nthe drill");
  drill.add_options()("help,h", "show this help")("bpm", po::value(&bpm)->default_value(bpm),
                                                  "tempo, 20 to 400")(
      "meter", po::value(&meter)->default_value(meter), "time signature")(
      "subdivision", po::value(&subdivision)->default_value(subdivision),
      "clicks per beat, 1 to 6")("grid", po::value(&grid),
                                 "slots per whole note to score against (default: the clicks)")(
      "bars", po::value(&bars), "bars to play (default: until Ctrl-C or --minutes)")(
      "minutes", po::value(&minutes), "stop at the bar line after this many minutes")(
      "count-in", po::value(&count_in)->default_value(count_in), "bars of count-in, not scored")(
      "accent", po::value(&accent), "one mark per beat: X accent, x beat, . silent")(
      "gap", po::value(&gap), "gap-click practice PLAY:MUTE, e.g. 4:4");
  po::options_description all;
  all.add(drill).add(live_options(common));
  po::variables_map vm;
  po::store(po::command_line_parser(args).options(all).run(), vm);
  if (vm.count("help")) {
    std::cout << all
              << "\nexample: pocket play --bpm 96 --subdivision 2 --midi-in TD-17 --minutes 5\n";
    return kExitOk;
  }
  po::notify(vm);

  LiveOptions live;
  try {
    live.meter = parse_meter(meter);
    live.bpm = bpm;
    live.pattern.subdivision = subdivision;
    live.pattern.accents = accent;
    live.pattern.count_in_bars = count_in;
    if (!gap.empty()) live.pattern.gap = parse_gap(gap);
    validate(live.pattern);
    TempoMap({{live.meter, 1, bpm, bpm}});
    live.grid = grid > 0 ? grid : live.meter.unit * subdivision;
    validate_grid(live.grid);
    if (vm.count("bars") && bars < 1) throw std::invalid_argument("--bars needs at least 1 bar");
    live.bars = vm.count("bars") ? bars : -1;
    live.minutes = minutes;
  } catch (const std::invalid_argument& e) {
    throw UsageError(e.what());
  }
  apply_live_options(common, vm, live);
  install_interrupt_handler();
  std::optional<std::int64_t> session_id;
  const LiveResult result = run_and_record(common, live, "play",
                                           nlohmann::json{{"bpm", bpm},
                                                          {"meter", meter},
                                                          {"subdivision", subdivision},
                                                          {"grid", live.grid},
                                                          {"count_in", count_in},
                                                          {"gap", gap}}
                                               .dump(),
                                           session_id);
  return report_live_result(common, live, result, session_id);
}

}  // namespace pocket::app
