#pragma once

#include <sys/stat.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <stdexcept>
#include <string>
#include <thread>

#include "support/background_process.hpp"
#include "support/run_command.hpp"
#include "support/temp_dir.hpp"

namespace pocket::test {

// A private headless PipeWire, as a desktop runs it: a session D-Bus, PipeWire with its dummy
// driver, WirePlumber, and a null sink whose ports stand for the sound card's. Its sockets are
// in a folder of its own, so a player's PipeWire is never touched. Children of the test reach
// it through PipeWire's JACK layer (LD_LIBRARY_PATH, as pw-jack sets it), which also leaves
// JACK's own library to the test itself.
class PipeWireServer {
 public:
  static constexpr const char* kSink = "pocket-test-sink";

  PipeWireServer() {
    std::filesystem::permissions(dir_.path(), std::filesystem::perms::owner_all);
    setenv("PIPEWIRE_RUNTIME_DIR", dir_.path().c_str(), 1);
    setenv("XDG_RUNTIME_DIR", dir_.path().c_str(), 1);
    setenv("XDG_STATE_HOME", (dir_ / "state").c_str(), 1);  // WirePlumber's, not the player's
    setenv("LD_LIBRARY_PATH", jack_layer().c_str(), 1);
    setenv("JACK_NO_START_SERVER", "1", 1);
    unsetenv("JACK_DEFAULT_SERVER");
    const std::string bus = "unix:path=" + (dir_ / "bus").string();
    setenv("DBUS_SESSION_BUS_ADDRESS", bus.c_str(), 1);
    dbus_ = std::make_unique<BackgroundProcess>(
        "/usr/bin/dbus-daemon",
        std::vector<std::string>{"--session", "--nofork", "--nopidfile", "--address=" + bus},
        dir_ / "dbus.out", dir_ / "dbus.err");
    pipewire_ = std::make_unique<BackgroundProcess>("/usr/bin/pipewire", std::vector<std::string>{},
                                                    dir_ / "pipewire.out", dir_ / "pipewire.err");
    if (!wait_until([&] { return run("/usr/bin/pw-cli", {"info", "0"}).exit_code == 0; }))
      throw std::runtime_error("PipeWire did not start: " + read_text(dir_ / "pipewire.err"));
    wireplumber_ =
        std::make_unique<BackgroundProcess>("/usr/bin/wireplumber", std::vector<std::string>{},
                                            dir_ / "wireplumber.out", dir_ / "wireplumber.err");
    // The sound card: WirePlumber gives the null sink its ports once it sees it.
    const std::string sink = std::string("{ factory.name=support.null-audio-sink node.name=") +
                             kSink +
                             " media.class=Audio/Sink object.linger=true "
                             "audio.position=[FL FR] }";
    const bool up = wait_until([&] {
      if (run("/usr/bin/jack_lsp", {}).out.find(std::string(kSink) + ":playback_FL") !=
          std::string::npos)
        return true;
      if (!sink_asked_)
        sink_asked_ = run("/usr/bin/pw-cli", {"create-node", "adapter", sink}).exit_code == 0;
      return false;
    });
    if (!up)
      throw std::runtime_error("PipeWire's null sink did not come up: " +
                               read_text(dir_ / "wireplumber.err"));
  }

  // The graph's period the tests ask pocket for (its --buffer default).
  int period_frames() const { return 128; }
  // PipeWire dies at once, as when it crashes or is killed.
  void kill() {
    pipewire_->signal(SIGKILL);
    pipewire_->wait(std::chrono::seconds(5));
  }

 private:
  // Where pipewire-jack keeps its libjack (pw-jack's LD_LIBRARY_PATH).
  static std::string jack_layer() {
    for (const char* folder :
         {"/usr/lib/x86_64-linux-gnu/pipewire-0.3/jack", "/usr/lib/pipewire-0.3/jack"}) {
      if (std::filesystem::exists(std::filesystem::path(folder) / "libjack.so.0")) return folder;
    }
    throw std::runtime_error("PipeWire's JACK layer is not installed (scripts/install-deps)");
  }
  CommandResult run(const std::string& program, const std::vector<std::string>& args) const {
    return run_command(program, args, dir_.path());
  }
  template <typename F>
  static bool wait_until(F&& ready) {
    for (int i = 0; i < 200; ++i) {
      if (ready()) return true;
      std::this_thread::sleep_for(std::chrono::milliseconds(25));
    }
    return false;
  }

  TempDir dir_;
  std::unique_ptr<BackgroundProcess> dbus_;
  std::unique_ptr<BackgroundProcess> pipewire_;
  std::unique_ptr<BackgroundProcess> wireplumber_;
  bool sink_asked_ = false;
};

}  // namespace pocket::test
