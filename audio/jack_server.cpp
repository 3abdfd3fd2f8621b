#include "jack_server.hpp"

#include <chrono>
#include <csignal>
#include <stdexcept>
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

double jack_server_rate(const std::string& name) {
  // Asking a server that is not there makes libjack complain on stderr: not the player's news.
  quiet_audio_libraries();
  const auto options = static_cast<jack_options_t>(
      JackNoStartServer | (name.empty() ? 0 : static_cast<int>(JackServerName)));
  jack_status_t status{};
  jack_client_t* client = name.empty()
                              ? jack_client_open("pocket-probe", options, &status)
                              : jack_client_open("pocket-probe", options, &status, name.c_str());
  if (client == nullptr) return 0.0;
  const double rate = jack_get_sample_rate(client);
  jack_client_close(client);
  return rate;
}

bool jack_server_running(const std::string& name) { return jack_server_rate(name) > 0.0; }

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
