// pocket setup against a JACK server with a client named like a Roland module: it proposes
// the module's port and the roland map, calibrates along with the virtual drummer, and every
// later command plays through what it wrote.
#include <chrono>
#include <thread>

#include <fmt/format.h>
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "live_rig.hpp"
#include "presets/user_config.hpp"
#include "support/tmux_window.hpp"

using namespace pocket::test;
using namespace std::chrono_literals;
using Catch::Contains;

namespace {

constexpr double kBiasMs = 15.0;

}  // namespace

TEST_CASE("setup finds a module, calibrates along with it and later sessions use it",
          "[jack][setup]") {
  LiveRig rig;
  DrummerOptions module;
  module.name = "TD-17";
  module.play_to = "none:none";  // pocket connects the module's port itself
  module.bias_ms = kBiasMs;
  module.jitter_ms = 2.0;
  const auto config_file = rig.dir() / "config" / "pocket" / "config.toml";

  CommandResult setup;
  rig.with_drummer(module, [&] {
    rig.wait_for_port("TD-17:midi_out");
    setup = run_command(POCKET_BINARY,
                        {"setup", "--yes", "--midi-api", "jack", "--audio-api", "JACK", "--buffer",
                         "256", "--bpm", "150", "--clicks", "24"},
                        rig.dir().path());
  });
  INFO(setup.out << setup.err);
  REQUIRE(setup.exit_code == 0);
  CHECK_THAT(setup.out, Contains("wrote " + config_file.string()));
  const pocket::UserConfig config = pocket::load_user_config();
  CHECK(config.midi_api == "jack");
  CHECK(config.midi_port == "TD-17:midi_out");
  CHECK(config.drum_map == "roland");
  CHECK(config.audio_api == "JACK Audio Connection Kit");
  CHECK(config.audio_device == "system");
  CHECK(config.buffer_frames == 256);
  CHECK_FALSE(config.start_on_hit);  // a remote and a silent start are the player's choice
  CHECK(config.remote_pad.empty());
  // The loop's own latency is in it too (a few ms, see the calibration test in play_test).
  CHECK(config.calibration_ms == Approx(kBiasMs).margin(12.0));

  // Run again with the module switched off and nothing asked: what was set up stays.
  const std::string written = read_text(config_file);
  const auto rerun = run_command(POCKET_BINARY, {"setup", "--skip-calibration"}, rig.dir().path());
  INFO(rerun.out << rerun.err);
  CHECK(rerun.exit_code == 0);
  CHECK_THAT(rerun.out, Contains("TD-17:midi_out") && Contains("not here now"));
  CHECK(read_text(config_file) == written);

  const auto show = run_command(POCKET_BINARY, {"setup", "--show"}, rig.dir().path());
  CHECK_THAT(show.out,
             Contains(config_file.string()) && Contains("JACK Audio Connection Kit / system") &&
                 Contains("256 frames") && Contains("TD-17:midi_out (jack)") &&
                 Contains("roland") && Contains(fmt::format("{:.2f} ms", config.calibration_ms)));

  // No device option: play goes through the configured output, buffer, port, kit and
  // calibration, so the drummer's bias is taken out again.
  CommandResult play;
  rig.with_drummer(module, [&] {
    rig.wait_for_port("TD-17:midi_out");
    play = run_command(POCKET_BINARY, {"play", "--bpm", "120", "--bars", "8", "--json", "--quiet"},
                       rig.dir().path());
  });
  INFO(play.err);
  REQUIRE(play.exit_code == 0);
  const nlohmann::json j = nlohmann::json::parse(play.out);
  // On JACK the click plays through pocket's own client, at the server's period.
  CHECK(j["audio"]["device"] == "JACK (pocket's own client) / system:playback_1");
  CHECK(j["audio"]["buffer_frames"] == 128);
  CHECK(j["midi"]["api"] == "jack");
  CHECK(j["midi"]["port"] == "TD-17:midi_out");
  CHECK(j["kit"] == "roland");
  CHECK(j["calibration_ms"].get<double>() == Approx(config.calibration_ms));
  CHECK(j["hits"].get<int>() >= 24);
  CHECK(j["mean_offset_ms"].get<double>() == Approx(0.0).margin(5.0));
}

TEST_CASE("setup in a terminal lists the devices and keeps what the player picks",
          "[jack][setup]") {
  LiveRig rig;
  DrummerOptions module;
  module.name = "TD-17";
  module.play_to = "none:none";
  const auto config_file = rig.dir() / "config" / "pocket" / "config.toml";
  rig.with_drummer(module, [&] {
    rig.wait_for_port("TD-17:midi_out");
    const Tmux tmux(rig.dir(), std::string(POCKET_BINARY) +
                                   " setup --skip-calibration --midi-api jack; echo $? > " +
                                   (rig.dir() / "code.txt").string() + "; sleep 600");
    // The outputs, numbered, with the default proposed; a number not in the list is asked again.
    const std::string outputs = tmux.wait_for("the output for the click [1]:", 20s);
    INFO(tmux.screen());
    REQUIRE_FALSE(outputs.empty());
    CHECK_THAT(outputs, Contains("1: JACK Audio Connection Kit / system  (the default)"));
    tmux.line("0");  // never a number in the list
    CHECK_FALSE(tmux.wait_for("type a number from 1 to", 10s).empty());
    tmux.line("");
    // On JACK the server's period is the buffer: nothing to ask.
    const std::string inputs = tmux.wait_for("the kit's MIDI input [", 10s);
    REQUIRE_FALSE(inputs.empty());
    CHECK_THAT(inputs, Contains("audio buffer: the JACK server's period"));
    CHECK_THAT(inputs, Contains("TD-17:midi_out (jack)  looks like a roland kit"));
    tmux.line("");
    // The map the port's name suggests is proposed; an unknown name lists the kits there are.
    REQUIRE_FALSE(tmux.wait_for("the kit's map (see 'pocket kits') [roland]:", 10s).empty());
    tmux.line("no-such-kit");
    CHECK_FALSE(tmux.wait_for("alesis", 10s).empty());
    tmux.line("alesis");
    // The kit as the remote: the click may wait for a hit (not unless asked), and a pad of the
    // kit's map, offered from those no drill plays, may pause and end sessions.
    REQUIRE_FALSE(tmux.wait_for("start on a hit (y/n) [n]:", 10s).empty());
    tmux.line("y");
    const std::string remote = tmux.wait_for("the remote pad, or none [none]:", 10s);
    REQUIRE_FALSE(remote.empty());
    CHECK_THAT(remote, Contains("pads for it on alesis: crash2"));
    tmux.line("aux1");  // a Roland module's pad: not on this map
    CHECK_FALSE(tmux.wait_for("type a pad of the kit (", 10s).empty());
    tmux.line("crash2");
    CHECK(wait_for_file(rig.dir() / "code.txt", 20s) == "0\n");
  });
  const pocket::UserConfig config = pocket::load_user_config();
  CHECK(config.audio_api == "JACK Audio Connection Kit");
  CHECK(config.audio_device == "system");
  CHECK(config.midi_api == "jack");
  CHECK(config.midi_port == "TD-17:midi_out");
  CHECK(config.drum_map == "alesis");  // the player's choice, not the proposal
  CHECK(config.start_on_hit);
  CHECK(config.remote_pad == "crash2");
  CHECK(std::filesystem::exists(config_file));
}
