// pocket calibrate: measure the player's loop offset and remember it.
#include <cmath>
#include <iostream>

#include <fmt/format.h>
#include <boost/program_options.hpp>
#include <nlohmann/json.hpp>

#include "command.hpp"
#include "core/calibration.hpp"
#include "line_view.hpp"
#include "live_options.hpp"
#include "presets/user_config.hpp"

namespace po = boost::program_options;

namespace pocket::app {

int run_calibrate(const std::vector<std::string>& args) {
  double bpm = 100.0;
  int clicks = 16;
  LiveCommonOptions common;
  po::options_description drill(
      "pocket calibrate: hit one pad along with the click; pocket measures the delay between\n"
      "the click and your strokes (sound card, kit and ears together) and subtracts it from\n"
      "then on\n\ncalibration");
  drill.add_options()("help,h", "show this help")("bpm", po::value(&bpm)->default_value(bpm),
                                                  "tempo of the clicks")(
      "clicks", po::value(&clicks)->default_value(clicks), "clicks to play along with, 16 or more");
  po::options_description all;
  all.add(drill).add(live_options(common, "show the result without saving it"));
  po::variables_map vm;
  po::store(po::command_line_parser(args).options(all).run(), vm);
  if (vm.count("help")) {
    std::cout << all << "\nThe result goes to " << config_path().string() << "\n";
    return kExitOk;
  }
  po::notify(vm);
  const bool save = !common.no_save;
  if (clicks < 16)
    throw UsageError(fmt::format("{} clicks are too few to calibrate: use 16 or more", clicks));

  LiveOptions live;
  try {
    TempoMap({{live.drill.meters.first(), 1, bpm, bpm}});
  } catch (const std::invalid_argument& e) {
    throw UsageError(e.what());
  }
  live.drill.name = "calibrate";
  live.drill.bpm = bpm;
  live.drill.click.count_in_bars = 1;
  const int beats = live.drill.meters.first().beats;
  live.drill.bars = (clicks + beats - 1) / beats;
  apply_live_options(common, vm, live);
  live.calibration_ms = 0.0;  // measure the raw offset
  fmt::print(live.feedback, "hit along with {} clicks at {:g} BPM after a bar of count-in\n",
             clicks, bpm);
  install_interrupt_handler();
  LineView lines(live.feedback, !common.quiet);
  live.views.push_back(&lines);
  const LiveResult result = run_live_session(live);

  std::vector<double> offsets;
  for (const ScoredStroke& s : result.analysis.strokes) {
    if (s.matched) offsets.push_back(s.offset_ms);
  }
  const std::optional<Calibration> calibration = calibrate(offsets);
  if (!calibration) {
    fmt::print(
        stderr,
        "only {} strokes landed on the clicks: calibration needs at least {}. Nothing was saved\n",
        offsets.size(), kMinCalibrationStrokes);
    return kExitFailure;
  }
  fmt::print(live.feedback,
             "your strokes land {:.1f} ms {} the click (median of {} strokes, {} left out)\n",
             std::abs(calibration->offset_ms), calibration->offset_ms >= 0 ? "after" : "before",
             calibration->used, calibration->rejected);
  if (save) {
    UserConfig config = load_user_config();
    config.calibration_ms = calibration->offset_ms;
    save_user_config(config);
    fmt::print(live.feedback, "saved to {}: later sessions subtract it\n", config_path().string());
  }
  if (common.json) {
    fmt::print("{}\n", nlohmann::json{{"calibration_ms",
                                       std::round(calibration->offset_ms * 100.0) / 100.0},
                                      {"used", calibration->used},
                                      {"rejected", calibration->rejected},
                                      {"saved", save}}
                           .dump(2));
  }
  return kExitOk;
}

}  // namespace pocket::app
