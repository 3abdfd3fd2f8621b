// Devices as pocket sees them on a JACK server, and clear errors for unknown ones.
#include <chrono>
#include <thread>

#include <catch2/catch.hpp>

#include "jack_server.hpp"

using namespace pocket::test;
using Catch::Contains;

TEST_CASE("pocket devices lists the JACK output and MIDI ports", "[jack][devices]") {
  JackServer jack;
  TempDir dir;
  const auto result = run_command(POCKET_BINARY, {"devices"}, dir.path());
  INFO(result.err);
  CHECK(result.exit_code == 0);
  CHECK_THAT(result.out, Contains("JACK") && Contains("system") && Contains("MIDI inputs (jack)"));
  CHECK_THAT(result.out, Contains("ms"));  // default latencies
}

TEST_CASE("pocket devices proposes the kit map a module's port name suggests", "[jack][devices]") {
  JackServer jack;
  TempDir dir;
  // A client named like a Roland module, with a MIDI output the kit would send on.
  BackgroundProcess module(VIRTUAL_DRUMMER_BINARY,
                           {"--name", "TD-17", "--listen", "none:none", "--play-to", "none:none",
                            "--truth", (dir / "truth.csv").string()},
                           dir / "module.out", dir / "module.err");
  CommandResult result;
  for (int attempt = 0; attempt < 50; ++attempt) {  // until the client is up
    result = run_command(POCKET_BINARY, {"devices"}, dir.path());
    if (result.out.find("TD-17") != std::string::npos) break;
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  module.stop();
  INFO(result.out);
  CHECK_THAT(result.out, Contains("TD-17:midi_out   (looks like a kit for --drum-map roland)"));
}

TEST_CASE("an unknown MIDI port or audio device lists what there is", "[jack][devices]") {
  JackServer jack;
  TempDir dir;
  auto result =
      run_command(POCKET_BINARY,
                  {"play", "--bars", "1", "--midi-api", "jack", "--midi-in", "TD-99"}, dir.path());
  CHECK(result.exit_code == 3);  // a device
  CHECK_THAT(result.err,
             Contains("no MIDI input port matches 'TD-99'") && Contains("jack MIDI input ports"));
  result = run_command(POCKET_BINARY,
                       {"play", "--bars", "1", "--midi-api", "jack", "--midi-in", "virtual",
                        "--audio-device", "Scarlett"},
                       dir.path());
  CHECK(result.exit_code == 3);  // a device
  // On JACK the click plays into ports: those there are are listed.
  CHECK_THAT(result.err,
             Contains("no JACK audio port matches 'Scarlett'") && Contains("system:playback_1"));
  result = run_command(POCKET_BINARY, {"play", "--buffer", "8"}, dir.path());
  CHECK(result.exit_code == 2);
  CHECK_THAT(result.err, Contains("64 to 1024"));
}
