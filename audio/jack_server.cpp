#include "jack_server.hpp"

#include <chrono>
#include <csignal>
#include <stdexcept>
#include <string_view>
#include <thread>
#include <vector>

#include <fcntl.h>
#include <jack/jack.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <fmt/format.h>
#include "audio_devices.hpp"
#include "core/errors.hpp"

namespace pocket {

namespace {

// The server has this long to come up, and to go away when asked.
constexpr auto kStartTimeout = std::chrono::seconds(10);
constexpr auto kStopTimeout = std::chrono::seconds(3);

bool exited(pid_t pid) {
  int status = 0;
  return waitpid(pid, &status, WNOHANG) == pid;
}

}  // namespace

bool jack_on_pipewire() {
  // PipeWire's libjack says so in its version: "3.0.0.0 (using PipeWire 0.3.65)".
  const char* version = jack_get_version_string();
  return version != nullptr && std::string_view(version).find("PipeWire") != std::string_view::npos;
}

JackGraph jack_graph(const std::string& name) {
  // Asking a server that is not there makes libjack complain on stderr: not the player's news.
  quiet_audio_libraries();
  const auto options = static_cast<jack_options_t>(
      JackNoStartServer | (name.empty() ? 0 : static_cast<int>(JackServerName)));
  jack_status_t status{};
  jack_client_t* client = name.empty()
                              ? jack_client_open("pocket-probe", options, &status)
                              : jack_client_open("pocket-probe", options, &status, name.c_str());
  if (client == nullptr) return {};
  const JackGraph graph{static_cast<double>(jack_get_sample_rate(client)),
                        static_cast<int>(jack_get_buffer_size(client)), jack_on_pipewire()};
  jack_client_close(client);
  return graph;
}

double jack_server_rate(const std::string& name) { return jack_graph(name).sample_rate; }

bool jack_server_running(const std::string& name) { return jack_server_rate(name) > 0.0; }

std::string pipewire_quantum_text(int frames, double sample_rate, int asked_frames) {
  const auto ms = [&](int f) { return 1000.0 * f / sample_rate; };
  return fmt::format(
      "PipeWire's JACK layer at {:.0f} Hz: its graph runs at {} frames ({:.1f} ms) now; pocket "
      "asks it for {} ({:.1f} ms; --buffer, or buffer in config.toml) when it plays, and says "
      "what it got. Strokes are timed to the frame at any period, but a large one delays the "
      "click by as much and the live view follows a period behind; PipeWire's ports do not "
      "report the whole loop, so run 'pocket calibrate' once on it.",
      sample_rate, frames, ms(frames), asked_frames, ms(asked_frames));
}

PrivateJackServer::PrivateJackServer(std::string name, double sample_rate, int period_frames)
    : name_(std::move(name)) {
  const std::string rate = fmt::format("{:.0f}", sample_rate);
  const std::string period = std::to_string(period_frames);
  // -r: no real-time scheduling, which a player's account may not be allowed.
  std::vector<const char*> argv = {"jackd",      "-n", name_.c_str(),  "-r",   "-d", "dummy", "-r",
                                   rate.c_str(), "-p", period.c_str(), nullptr};
  pid_ = fork();
  if (pid_ < 0) throw std::runtime_error("cannot start a JACK server: fork failed");
  if (pid_ == 0) {
    // Should pocket die without stopping it, the server goes too (and frees its name).
    prctl(PR_SET_PDEATHSIG, SIGTERM);
    const int null = open("/dev/null", O_RDWR);
    dup2(null, STDIN_FILENO);
    dup2(null, STDOUT_FILENO);
    dup2(null, STDERR_FILENO);
    execvp(argv[0], const_cast<char* const*>(argv.data()));
    _exit(127);
  }
  const auto deadline = std::chrono::steady_clock::now() + kStartTimeout;
  while (!jack_server_running(name_)) {
    if (exited(pid_)) {
      pid_ = -1;
      throw DeviceError(
          "cannot start a JACK server for the demo: is jackd installed? (Debian: jackd2)");
    }
    if (std::chrono::steady_clock::now() > deadline) {
      stop();
      throw std::runtime_error("the demo's JACK server did not come up");
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
}

PrivateJackServer::~PrivateJackServer() { stop(); }

void PrivateJackServer::stop() {
  if (pid_ <= 0) return;
  kill(pid_, SIGTERM);
  const auto deadline = std::chrono::steady_clock::now() + kStopTimeout;
  while (!exited(pid_)) {
    if (std::chrono::steady_clock::now() > deadline) {
      kill(pid_, SIGKILL);
      waitpid(pid_, nullptr, 0);
      break;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  pid_ = -1;
}

}  // namespace pocket
