// Devices as pocket sees them on a JACK server, and clear errors for unknown ones.
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

TEST_CASE("an unknown MIDI port or audio device lists what there is", "[jack][devices]") {
  JackServer jack;
  TempDir dir;
  auto result =
      run_command(POCKET_BINARY,
                  {"play", "--bars", "1", "--midi-api", "jack", "--midi-in", "TD-99"}, dir.path());
  CHECK(result.exit_code == 1);
  CHECK_THAT(result.err,
             Contains("no MIDI input port matches 'TD-99'") && Contains("jack MIDI input ports"));
  result = run_command(POCKET_BINARY,
                       {"play", "--bars", "1", "--midi-api", "jack", "--midi-in", "virtual",
                        "--audio-device", "Scarlett"},
                       dir.path());
  CHECK(result.exit_code == 1);
  CHECK_THAT(result.err, Contains("no audio output device matches 'Scarlett'") &&
                             Contains("JACK Audio Connection Kit / system"));
  result = run_command(POCKET_BINARY, {"play", "--buffer", "8"}, dir.path());
  CHECK(result.exit_code == 2);
  CHECK_THAT(result.err, Contains("64 to 1024"));
}
