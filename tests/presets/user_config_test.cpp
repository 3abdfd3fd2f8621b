// config.toml: what `pocket setup` and `pocket calibrate` write and every command reads.
#include <cstdlib>
#include <string>

#include <catch2/catch.hpp>

#include "core/drum_map.hpp"
#include "presets/preset_error.hpp"
#include "presets/user_config.hpp"
#include "support/run_command.hpp"
#include "support/shipped_presets.hpp"
#include "support/temp_dir.hpp"

using namespace pocket;
using Catch::Matchers::Contains;
using Catch::Matchers::StartsWith;

namespace {

// XDG_CONFIG_HOME in a fresh folder while alive: the player's own config is never touched.
class ConfigHome {
 public:
  ConfigHome() { setenv("XDG_CONFIG_HOME", dir_.path().c_str(), 1); }
  ~ConfigHome() { unsetenv("XDG_CONFIG_HOME"); }
  std::filesystem::path file() const { return dir_ / "pocket" / "config.toml"; }
  void write(const std::string& text) const {
    std::filesystem::create_directories(file().parent_path());
    dir_.write("pocket/config.toml", text);
  }

 private:
  test::TempDir dir_;
};

std::string load_error() {
  try {
    load_user_config();
  } catch (const PresetError& e) {
    return e.what();
  }
  FAIL("the config was loaded without an error");
  return {};
}

}  // namespace

TEST_CASE("no config file gives the defaults, with no devices chosen", "[config]") {
  const ConfigHome home;
  const UserConfig config = load_user_config();
  CHECK(config.drum_map.empty());
  CHECK(config.audio_api.empty());
  CHECK(config.audio_device.empty());
  CHECK_FALSE(config.buffer_frames);
  CHECK_FALSE(config.sample_rate);
  CHECK(config.midi_api.empty());
  CHECK(config.midi_port.empty());
  CHECK(config.calibration_ms == 0.0);
}

TEST_CASE("devices, kit and timing come back as they were saved", "[config]") {
  const ConfigHome home;
  UserConfig saved;
  saved.drum_map = "roland";
  saved.audio_api = "JACK Audio Connection Kit";
  saved.audio_device = "system \"main\" out's";  // quotes of both kinds survive
  saved.buffer_frames = 256;
  saved.sample_rate = 44100.0;
  saved.midi_api = "jack";
  saved.midi_port = "TD-17:midi_out";
  saved.calibration_ms = 6.4;
  saved.input_latency_ms = -1.25;
  save_user_config(saved);
  CHECK_FALSE(std::filesystem::exists(home.file().string() + ".partial"));

  const UserConfig loaded = load_user_config();
  CHECK(loaded.drum_map == "roland");
  CHECK(loaded.audio_api == saved.audio_api);
  CHECK(loaded.audio_device == saved.audio_device);
  CHECK(loaded.buffer_frames == 256);
  CHECK(loaded.sample_rate == 44100.0);
  CHECK(loaded.midi_api == "jack");
  CHECK(loaded.midi_port == "TD-17:midi_out");
  CHECK(loaded.calibration_ms == Approx(6.4));
  CHECK(loaded.input_latency_ms == Approx(-1.25));

  // A calibration alone (what `pocket calibrate` changes) keeps the devices.
  UserConfig calibrated = loaded;
  calibrated.calibration_ms = 3.0;
  save_user_config(calibrated);
  const UserConfig again = load_user_config();
  CHECK(again.midi_port == "TD-17:midi_out");
  CHECK(again.buffer_frames == 256);
  CHECK(again.calibration_ms == Approx(3.0));
}

TEST_CASE("settings never made are not written", "[config]") {
  const ConfigHome home;
  UserConfig timing_only;
  timing_only.calibration_ms = 2.0;
  save_user_config(timing_only);
  const std::string text = test::read_text(home.file());
  CHECK_THAT(text, Contains("[timing]"));
  CHECK_THAT(text, !Contains("[audio]") && !Contains("[midi]") && !Contains("drum_map ="));
  const UserConfig loaded = load_user_config();
  CHECK_FALSE(loaded.buffer_frames);
  CHECK(loaded.midi_port.empty());
}

TEST_CASE("a malformed device setting names the file, line and key", "[config]") {
  const ConfigHome home;
  const std::string file = home.file().string();
  home.write("[audio]\napi = \"JACK\"\nbuffer = 8\n");
  CHECK_THAT(load_error(),
             StartsWith(file + ":3:") && Contains("key 'audio.buffer'") && Contains("64 to 1024"));
  home.write("[audio]\nbuffer = \"big\"\n");
  CHECK_THAT(load_error(), StartsWith(file + ":2:") && Contains("key 'audio.buffer'") &&
                               Contains("whole number"));
  home.write("[audio]\nrate = 0\n");
  CHECK_THAT(load_error(), StartsWith(file + ":2:") && Contains("key 'audio.rate'"));
  home.write("[midi]\napi = \"coreaudio\"\nport = \"TD-17\"\n");
  CHECK_THAT(load_error(), StartsWith(file + ":2:") && Contains("key 'midi.api'") &&
                               Contains("\"alsa\" or \"jack\""));
  home.write("\n[midi]\nport = 17\n");
  CHECK_THAT(load_error(),
             StartsWith(file + ":3:") && Contains("key 'midi.port'") && Contains("text in quotes"));
  // Unknown keys are errors: a typo must not be ignored.
  home.write("[midi]\nprot = \"TD-17\"\n");
  CHECK_THAT(load_error(), StartsWith(file + ":2:") && Contains("key 'midi.prot'") &&
                               Contains("unknown key in [midi]: use api, port"));
  home.write("midi = \"TD-17\"\n");
  CHECK_THAT(load_error(),
             StartsWith(file + ":1:") && Contains("key 'midi'") && Contains("must be a table"));
}

TEST_CASE("a port named like a kit module proposes that kit", "[config][kits]") {
  const std::vector<DrumMap> kits = {test::shipped_kit("gm"), test::shipped_kit("roland"),
                                     test::shipped_kit("alesis")};
  CHECK(kit_for_port(kits, "TD-17:midi_out") == "roland");
  CHECK(kit_for_port(kits, "Alesis Nitro Max:Alesis Nitro Max MIDI 1 24:0") == "alesis");
  CHECK(kit_for_port(kits, "Midi Through:Midi Through Port-0 14:0").empty());
}

TEST_CASE("start on a hit and the remote pad come back as they were saved", "[config][remote]") {
  const ConfigHome home;
  CHECK_FALSE(load_user_config().start_on_hit);
  CHECK(load_user_config().remote_pad.empty());
  UserConfig saved;
  saved.drum_map = "roland";
  saved.start_on_hit = true;
  saved.remote_pad = "aux1";
  save_user_config(saved);
  const std::string text = test::read_text(home.file());
  CHECK_THAT(text, Contains("start_on_hit = true") && Contains("remote_pad = 'aux1'"));
  const UserConfig loaded = load_user_config();
  CHECK(loaded.start_on_hit);
  CHECK(loaded.remote_pad == "aux1");
  CHECK(loaded.drum_map == "roland");

  // Neither set: neither written, and they read back off.
  save_user_config(UserConfig{});
  CHECK_THAT(test::read_text(home.file()), !Contains("start_on_hit") && !Contains("remote_pad"));
  CHECK_FALSE(load_user_config().start_on_hit);
  CHECK(load_user_config().remote_pad.empty());
}

TEST_CASE("a malformed start_on_hit or remote_pad names the file, line and key",
          "[config][remote]") {
  const ConfigHome home;
  const std::string file = home.file().string();
  home.write("drum_map = \"gm\"\nstart_on_hit = \"yes\"\n");
  CHECK_THAT(load_error(), StartsWith(file + ":2:") && Contains("key 'start_on_hit'") &&
                               Contains("true or false"));
  home.write("\nremote_pad = 27\n");
  CHECK_THAT(load_error(), StartsWith(file + ":2:") && Contains("key 'remote_pad'") &&
                               Contains("text in quotes"));
  home.write("remote_pad = \"Aux 1\"\n");
  CHECK_THAT(load_error(), StartsWith(file + ":1:") && Contains("key 'remote_pad'") &&
                               Contains("a pad of your kit"));
  home.write("remote-pad = \"aux1\"\n");  // a typo is an error, not a remote left off
  CHECK_THAT(load_error(), StartsWith(file + ":1:") && Contains("key 'remote-pad'"));
}
