#pragma once

#include <sys/types.h>
#include <string>

namespace pocket {

// True when a JACK server answers under `name` (empty: JACK's default server). Starts none.
bool jack_server_running(const std::string& name = "");
// The sample rate of the JACK server under `name` (empty: the default one), or 0 when none
// answers.
double jack_server_rate(const std::string& name = "");

// A JACK server of pocket's own with the dummy backend (no sound card needed), for the demo on
// a machine without audio output. It runs while this lives and is stopped afterwards; any
// other server is left alone.
class PrivateJackServer {
 public:
  // Starts `jackd -n name -d dummy` and waits until it answers. Throws std::runtime_error
  // when jackd is missing or does not come up.
  PrivateJackServer(std::string name, double sample_rate, int period_frames);
  ~PrivateJackServer();
  PrivateJackServer(const PrivateJackServer&) = delete;
  PrivateJackServer& operator=(const PrivateJackServer&) = delete;

  const std::string& name() const { return name_; }

 private:
  void stop();

  std::string name_;
  pid_t pid_ = -1;
};

}  // namespace pocket
