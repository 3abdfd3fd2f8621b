#pragma once

#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <functional>
#include <string>

#include "support/background_process.hpp"
#include "support/run_command.hpp"
#include "support/temp_dir.hpp"

namespace pocket::test {

// A private JACK server with the dummy backend (48 kHz, 128 frames unless told) under its own
// name, so that parallel tests and a user's own server are never touched. Children of the test
// reach it through JACK_DEFAULT_SERVER.
class JackServer {
 public:
  // `suffix` tells apart the servers of one test that runs more than one.
  explicit JackServer(int period_frames = 128, const std::string& suffix = "")
      : name_(server_name() + suffix),
        period_frames_(period_frames),
        process_("/usr/bin/jackd", arguments(), dir_ / "jackd.out", dir_ / "jackd.err") {
    setenv("JACK_DEFAULT_SERVER", name_.c_str(), 1);
    setenv("JACK_NO_START_SERVER", "1", 1);
    if (!wait_until_up())
      throw std::runtime_error("jackd did not start: " + read_text(dir_ / "jackd.err"));
  }
  ~JackServer() {
    if (!killed_) return;
    // A server that dies leaves its name in JACK's registry of servers, which holds only a
    // few: the next server under that name takes the place back, and leaves it when stopped.
    BackgroundProcess again("/usr/bin/jackd", arguments(), dir_ / "again.out", dir_ / "again.err");
    wait_until_up();
  }
  const std::string& name() const { return name_; }
  // Children started from now on reach this server (the last one made, unless told).
  void use() const { setenv("JACK_DEFAULT_SERVER", name_.c_str(), 1); }
  int period_frames() const { return period_frames_; }
  // The server dies at once, as when it crashes or is killed.
  void kill() {
    process_.signal(SIGKILL);
    process_.wait(std::chrono::seconds(5));
    killed_ = true;
  }

 private:
  // One name per test program: its path, hashed. Tests of one program run one at a time, and
  // a server killed outright leaves its name in JACK's small registry of servers until a server
  // of that name starts again: the next test's. Two build trees still never share a server.
  static std::string server_name() {
    const std::string program = std::filesystem::read_symlink("/proc/self/exe").string();
    return "pocket-test-" + std::to_string(std::hash<std::string>{}(program) % 1000000);
  }

  std::vector<std::string> arguments() const {
    return {"-n", name_, "-r", "-d", "dummy", "-r", "48000", "-p", std::to_string(period_frames_)};
  }
  bool wait_until_up() const {
    for (int i = 0; i < 250; ++i) {
      if (run_command("/usr/bin/jack_lsp", {"-s", name_}, dir_.path()).exit_code == 0) return true;
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    return false;
  }

  TempDir dir_;
  std::string name_;
  int period_frames_;
  BackgroundProcess process_;
  bool killed_ = false;
};

}  // namespace pocket::test
