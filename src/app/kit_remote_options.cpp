#include "kit_remote_options.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "core/errors.hpp"
#include "live_options.hpp"
#include "presets/user_config.hpp"

namespace po = boost::program_options;

namespace pocket::app {

po::options_description kit_remote_options() {
  po::options_description d("the kit as the remote (default: from config.toml)");
  d.add_options()("start-on-hit", po::bool_switch(),
                  "the click waits, silent, until you hit a pad (or press space); the count-in "
                  "starts a beat after the hit, which is not scored")(
      "remote-pad", po::value<std::string>(),
      "a pad of your kit that the drill does not play, e.g. aux1: one hit pauses or goes on at "
      "the bar line, three within 1.5 s end the session; 'none' for no remote");
  return d;
}

void apply_kit_remote(const po::variables_map& vm, LiveOptions& live) {
  const UserConfig config = load_user_config();
  live.start_on_hit =
      (vm.count("start-on-hit") > 0 && vm["start-on-hit"].as<bool>()) || config.start_on_hit;
  const bool given = vm.count("remote-pad") > 0;
  const std::string pad = given ? vm["remote-pad"].as<std::string>() : config.remote_pad;
  live.remote_pad.clear();
  if (pad.empty() || pad == "none") return;
  if (live.kit.pad_index(pad) < 0) {
    const std::string pads = fmt::format("{}", fmt::join(live.kit.pad_names(), ", "));
    if (given) {
      throw UsageError(
          fmt::format("--remote-pad {}: the kit map {} has no pad of that name; its "
                      "pads: {}",
                      pad, live.kit.name(), pads));
    }
    say_before_click(live, fmt::format("your remote pad {} is not on the kit map {}: no remote "
                                       "this session (its pads: {})",
                                       pad, live.kit.name(), pads));
    return;
  }
  if (drill_plays_pad(live.drill, pad)) {
    say_before_click(live, fmt::format("{} plays {}, your remote pad: no remote this session "
                                       "(space and q still pause and end)",
                                       live.drill.name, pad));
    return;
  }
  live.remote_pad = pad;
}

}  // namespace pocket::app
