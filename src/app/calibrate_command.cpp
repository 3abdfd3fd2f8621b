// pocket calibrate: measure the player's loop offset and remember it.
#include <cmath>
#include <iostream>

#include <fmt/format.h>
#include <boost/program_options.hpp>
#include <nlohmann/json.hpp>

#include "command.hpp"
#include "live/calibration_session.hpp"
#include "live_options.hpp"
#include "presets/user_config.hpp"
#include "views/line_view.hpp"

namespace po = boost::program_options;

namespace pocket::app {

int run_calibrate(const std::vector<std::string>& args) {
  double bpm = kCalibrationBpm;
  int clicks = kCalibrationClicks;
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
  LiveOptions live;
  prepare_calibration(bpm, clicks, live);
  apply_live_options(common, vm, live);
  LineView lines(live.feedback, !common.quiet);
  live.views.push_back(&lines);
  const std::optional<Calibration> calibration = measure_calibration(live);
  if (!calibration) return kExitFailure;
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
