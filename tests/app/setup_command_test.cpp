// pocket setup --show, the hint live commands give before anything is set up, and the one
// line pocket says (without libjack's and ALSA's own chatter) when a server is missing.
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <string>

#include <catch2/catch.hpp>

#include "support/run_command.hpp"
#include "support/temp_dir.hpp"

using namespace pocket;
using Catch::Contains;

namespace {

// A player with a config folder of their own and no JACK server to reach.
struct NewPlayer {
  test::TempDir dir;
  std::filesystem::path config = dir / "config" / "pocket" / "config.toml";

  NewPlayer() {
    setenv("XDG_CONFIG_HOME", (dir / "config").c_str(), 1);
    setenv("POCKET_DB", (dir / "history.sqlite").c_str(), 1);
    // A server name nobody runs, and libjack must not start one.
    setenv("JACK_DEFAULT_SERVER", ("pocket-none-" + std::to_string(getpid())).c_str(), 1);
    setenv("JACK_NO_START_SERVER", "1", 1);
  }
  ~NewPlayer() {
    for (const char* name : {"XDG_CONFIG_HOME", "POCKET_DB", "JACK_DEFAULT_SERVER"}) unsetenv(name);
  }

  test::CommandResult pocket(const std::vector<std::string>& args) const {
    return test::run_command(POCKET_BINARY, args, dir.path());
  }

  void write_config(const std::string& text) const {
    std::filesystem::create_directories(config.parent_path());
    std::ofstream(config) << text;
  }
};

// What libjack, RtMidi and alsa-lib print on their own when they cannot reach a server.
void check_no_chatter(const std::string& err) {
  CHECK_THAT(err, !Contains("Cannot connect to server"));
  CHECK_THAT(err, !Contains("jack server is not running"));
  CHECK_THAT(err, !Contains("JackShmReadWritePtr"));
  CHECK_THAT(err, !Contains("MidiInJack"));
  CHECK_THAT(err, !Contains("MidiInAlsa"));
  CHECK_THAT(err, !Contains("ALSA lib"));
}

}  // namespace

TEST_CASE("setup --show says where the config goes and that nothing is set up yet", "[setup]") {
  const NewPlayer player;
  const auto result = player.pocket({"setup", "--show"});
  CHECK(result.exit_code == 0);
  CHECK_THAT(result.out, Contains(player.config.string()));
  CHECK_THAT(result.out, Contains("not set up yet: run 'pocket setup'"));
  CHECK_FALSE(std::filesystem::exists(player.config));
}

TEST_CASE("setup --show prints every configured value", "[setup]") {
  const NewPlayer player;
  player.write_config(
      "drum_map = \"alesis\"\n[audio]\napi = \"ALSA\"\ndevice = \"Scarlett 2i2\"\nbuffer = 256\n"
      "rate = 44100\n[midi]\napi = \"alsa\"\nport = \"Alesis Nitro\"\n"
      "[timing]\ncalibration_ms = 7.25\ninput_latency_ms = 1.5\n");
  const auto result = player.pocket({"setup", "--show"});
  INFO(result.err);
  CHECK(result.exit_code == 0);
  CHECK_THAT(result.out, Contains(player.config.string()));
  CHECK_THAT(result.out, Contains("ALSA / Scarlett 2i2") && Contains("256 frames") &&
                             Contains("44100 Hz") && Contains("Alesis Nitro (alsa)") &&
                             Contains("alesis") && Contains("7.25 ms") && Contains("1.50 ms"));
  CHECK_THAT(result.out, !Contains("not set"));
}

TEST_CASE("live commands with no kit set up say how to run pocket setup", "[setup]") {
  const NewPlayer player;
  for (const std::vector<std::string>& args : {std::vector<std::string>{"play", "--bars", "1"},
                                               {"ladder", "--from", "100", "--to", "110"},
                                               {"drill", "warm-up"},
                                               {"calibrate"}}) {
    const auto result = player.pocket(args);
    INFO(args.front() << ": " << result.err);
    CHECK(result.exit_code == 2);
    CHECK_THAT(result.err, Contains("pocket " + args.front() + ": no kit is set up yet") &&
                               Contains("run 'pocket setup'") && Contains("--midi-in"));
    CHECK(std::count(result.err.begin(), result.err.end(), '\n') <= 2);
    check_no_chatter(result.err);
  }
  // A config with only a calibration names no kit either.
  player.write_config("[timing]\ncalibration_ms = 3\n");
  CHECK_THAT(player.pocket({"play", "--bars", "1"}).err, Contains("run 'pocket setup'"));
}

TEST_CASE("live commands take the devices from the config unless options are given", "[setup]") {
  const NewPlayer player;
  player.write_config("[midi]\napi = \"jack\"\nport = \"TD-17\"\n");
  // The configured JACK input is what pocket tries to reach: there is no server to find.
  auto result = player.pocket({"play", "--bars", "1"});
  CHECK(result.exit_code == 3);
  CHECK_THAT(result.err, Contains("no JACK server is running"));
  // --midi-api on the command line wins over the config.
  result = player.pocket({"play", "--bars", "1", "--midi-api", "alsa"});
  CHECK(result.exit_code == 3);
  CHECK_THAT(result.err, Contains("ALSA MIDI sequencer") || Contains("no audio output"));
  CHECK_THAT(result.err, !Contains("JACK server"));
  // A buffer given wins over the config's, which is checked when it is read.
  player.write_config("[audio]\nbuffer = 9000\n[midi]\nport = \"TD-17\"\n");
  result = player.pocket({"play", "--bars", "1"});
  CHECK(result.exit_code == 5);
  CHECK_THAT(result.err,
             Contains(player.config.string() + ":2:") && Contains("key 'audio.buffer'"));
  player.write_config("[audio]\nbuffer = 256\n[midi]\nport = \"TD-17\"\n");
  result = player.pocket({"play", "--bars", "1", "--buffer", "32"});
  CHECK(result.exit_code == 2);
  CHECK_THAT(result.err, Contains("buffer of 32 frames"));
}

TEST_CASE("with no JACK server only pocket's own line is shown", "[setup][chatter]") {
  const NewPlayer player;
  const auto devices = player.pocket({"devices"});
  INFO(devices.err);
  CHECK(devices.exit_code == 0);
  CHECK_THAT(devices.out, Contains("MIDI inputs (jack):\n  not available: no JACK server is "
                                   "running: start one (e.g. qjackctl) or use --midi-api alsa"));
  check_no_chatter(devices.err);
  check_no_chatter(devices.out);

  const auto play =
      player.pocket({"play", "--bars", "1", "--midi-api", "jack", "--midi-in", "virtual"});
  CHECK(play.exit_code == 3);
  CHECK(play.err ==
        "pocket play: no JACK server is running: start one (e.g. qjackctl) or use --midi-api "
        "alsa\n");
  check_no_chatter(play.out);

  const auto setup = player.pocket({"setup", "--midi-api", "jack", "--audio-api", "JACK"});
  CHECK(setup.exit_code == 3);
  CHECK(std::count(setup.err.begin(), setup.err.end(), '\n') == 1);
  check_no_chatter(setup.err);
  CHECK_FALSE(std::filesystem::exists(player.config));
}

TEST_CASE("setup --show says whether the click waits for a hit and which pad is the remote",
          "[setup][remote]") {
  const NewPlayer player;
  player.write_config("drum_map = \"roland\"\nstart_on_hit = true\nremote_pad = \"aux1\"\n");
  auto result = player.pocket({"setup", "--show"});
  INFO(result.err);
  CHECK(result.exit_code == 0);
  CHECK_THAT(result.out, Contains("start on a hit: yes") && Contains("remote pad:     aux1"));
  player.write_config("drum_map = \"roland\"\n");
  result = player.pocket({"setup", "--show"});
  CHECK_THAT(result.out, Contains("start on a hit: no") && Contains("remote pad:     none"));
}

TEST_CASE("a remote pad the kit lacks, or the drill plays, is said before the click",
          "[setup][remote]") {
  const NewPlayer player;
  player.write_config("[midi]\napi = \"jack\"\nport = \"TD-17\"\n");
  // Given on the command line, a pad the kit map does not have is a mistake to fix.
  auto result = player.pocket({"play", "--bars", "1", "--remote-pad", "aux9"});
  CHECK(result.exit_code == 2);
  CHECK_THAT(result.err, Contains("--remote-pad aux9: the kit map gm has no pad of that name") &&
                             Contains("crash2"));
  // The drill plays the hi-hat: no remote, said before the click (which then finds no server).
  result = player.pocket({"drill", "rock-groove", "--remote-pad", "hihat"});
  INFO(result.out << result.err);
  CHECK(result.exit_code == 3);
  CHECK_THAT(result.out, Contains("rock-groove plays hihat, your remote pad: no remote this "
                                  "session (space and q still pause and end)"));
  // From the config, a pad another kit map lacks leaves the remote off, and says so.
  player.write_config("remote_pad = \"aux1\"\n[midi]\napi = \"jack\"\nport = \"TD-17\"\n");
  result = player.pocket({"play", "--bars", "1"});
  CHECK(result.exit_code == 3);
  CHECK_THAT(result.out, Contains("your remote pad aux1 is not on the kit map gm: no remote"));
  // 'none' turns a configured remote off for one session, and says nothing of it.
  player.write_config(
      "drum_map = \"roland\"\nremote_pad = \"aux1\"\n[midi]\napi = \"jack\"\n"
      "port = \"TD-17\"\n");
  result = player.pocket({"play", "--bars", "1", "--remote-pad", "none"});
  CHECK(result.exit_code == 3);
  CHECK_THAT(result.out, !Contains("remote"));
}
