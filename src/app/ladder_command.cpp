// pocket ladder: a tempo ladder driven by the coach.
#include <iostream>

#include <fmt/format.h>
#include <boost/program_options.hpp>
#include <nlohmann/json.hpp>

#include "command.hpp"
#include "live_options.hpp"

namespace po = boost::program_options;

namespace pocket::app {

int run_ladder(const std::vector<std::string>& args) {
  LadderConfig ladder;
  std::string meter = "4/4", step = "3%", on_fail = "repeat";
  int subdivision = 1, count_in = 1, grid = 0;
  double pass_within_percent = 85.0;
  double consolidated = 0.0;
  LiveCommonOptions common;
  po::options_description drill(
      "pocket ladder: climb in small tempo steps while your timing holds\n\nthe ladder");
  drill.add_options()("help,h", "show this help")(
      "from", po::value(&ladder.start_bpm)->default_value(100.0), "start tempo")(
      "to", po::value(&ladder.target_bpm)->default_value(140.0), "target tempo")(
      "step", po::value(&step)->default_value(step), "tempo step: a percentage (3%) or BPM (4)")(
      "bars", po::value(&ladder.bars_per_step)->default_value(8), "bars per step")(
      "pass-within", po::value(&pass_within_percent)->default_value(pass_within_percent),
      "a step passes when this % of slots land within 25 ms...")(
      "max-sd", po::value(&ladder.rule.max_sd_ms)->default_value(18.0),
      "...and the SD stays at or under this many ms")(
      "on-fail", po::value(&on_fail)->default_value(on_fail),
      "after a failed step: repeat, or step-back to the last solid tempo")(
      "stop-after", po::value(&ladder.stop_after_fails)->default_value(2),
      "failed steps that end the ladder")(
      "consolidated", po::value(&consolidated),
      "your last solid tempo: today's climb is capped above it")(
      "max-increase", po::value(&ladder.max_increase_percent)->default_value(5.0),
      "healthy pace: % above the consolidated tempo at most")(
      "meter", po::value(&meter)->default_value(meter), "time signature")(
      "subdivision", po::value(&subdivision)->default_value(subdivision),
      "clicks per beat, 1 to 6")("grid", po::value(&grid),
                                 "slots per whole note to score against (default: the clicks)")(
      "count-in", po::value(&count_in)->default_value(count_in), "bars of count-in, not scored");
  po::options_description all;
  all.add(drill).add(live_options(common));
  po::variables_map vm;
  po::store(po::command_line_parser(args).options(all).run(), vm);
  if (vm.count("help")) {
    std::cout
        << all
        << "\nThe bar after each step is not scored: the coach decides there, and the new tempo\n"
           "starts on the following bar line.\n\nexample: pocket ladder --from 100 --to 140 --step "
           "3% --bars 8\n";
    return kExitOk;
  }
  po::notify(vm);

  LiveOptions live;
  try {
    ladder.step = parse_tempo_step(step);
    ladder.rule.min_slots_within_25ms = pass_within_percent / 100.0;
    if (on_fail != "repeat" && on_fail != "step-back") {
      throw std::invalid_argument(fmt::format("--on-fail '{}': use repeat or step-back", on_fail));
    }
    ladder.on_fail = on_fail == "repeat" ? FailPolicy::repeat : FailPolicy::step_back;
    if (vm.count("consolidated")) ladder.consolidated_bpm = consolidated;
    validate(ladder);
    live.meter = parse_meter(meter);
    live.bpm = ladder.start_bpm;
    live.pattern.subdivision = subdivision;
    live.pattern.count_in_bars = count_in;
    validate(live.pattern);
    live.grid = grid > 0 ? grid : live.meter.unit * subdivision;
    validate_grid(live.grid);
    live.ladder = ladder;
  } catch (const std::invalid_argument& e) {
    throw UsageError(e.what());
  }
  apply_live_options(common, vm, live);
  install_interrupt_handler();
  std::optional<std::int64_t> session_id;
  const LiveResult result = run_and_record(common, live, "ladder",
                                           nlohmann::json{{"from", ladder.start_bpm},
                                                          {"to", ladder.target_bpm},
                                                          {"step", step},
                                                          {"bars", ladder.bars_per_step},
                                                          {"meter", meter},
                                                          {"grid", live.grid},
                                                          {"pass_within", pass_within_percent},
                                                          {"max_sd_ms", ladder.rule.max_sd_ms}}
                                               .dump(),
                                           session_id);
  return report_live_result(common, live, result, session_id);
}

}  // namespace pocket::app
