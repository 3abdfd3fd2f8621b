#pragma once

#include <sys/types.h>
#include <string>

namespace pocket {

// True when a JACK server answers under `name` (empty: JACK's default server). Starts none.
bool jack_server_running(const std::string& name = "");

// True when the JACK library pocket runs with is PipeWire's JACK layer (pw-jack, or
// pipewire-jack in the place of JACK's own): the "server" is then PipeWire's graph.
bool jack_on_pipewire();

// The JACK graph as a client finds it: none (0 Hz) when no server answers.
struct JackGraph {
  double sample_rate = 0.0;
  int buffer_frames = 0;  // JACK's period; PipeWire's quantum, which changes with its clients
  bool pipewire = false;
};
JackGraph jack_graph(const std::string& name = "");

// PipeWire's graph as it runs now (`frames`), what pocket will ask of it, and what a large
// period costs a drummer: for devices and setup.
std::string pipewire_quantum_text(int frames, double sample_rate, int asked_frames);

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
