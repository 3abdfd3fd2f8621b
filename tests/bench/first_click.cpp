// Start-up time: from launching a command (pocket play) to its first click leaving pocket's
// audio callback. A JACK client of its own launches the command, connects pocket:out_0 to its
// input as soon as the port is registered, and reads CLOCK_MONOTONIC in its process callback
// in the cycle that carries the first non-zero sample: JACK runs it right after pocket's
// callback, in the same cycle. The click counts only if silence from pocket came first;
// otherwise the port was connected too late to see the first click, and no number is given.
// usage: first_click --out FILE -- PROGRAM ARGS...
//   FILE gets "first_click_ms=MS exit=CODE", or "first_click_ms=none reason=WHY exit=CODE"
#include <jack/jack.h>

#include <atomic>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <string>
#include <thread>

#include "watched_command.hpp"

namespace {

constexpr const char* kPort = "pocket:out_0";

enum class Heard { nothing, click_after_silence, sound_before_silence };

jack_client_t* client = nullptr;
jack_port_t* in = nullptr;
std::atomic<bool> port_registered{false};
std::atomic<bool> silence_heard{false};
std::atomic<Heard> heard{Heard::nothing};
std::atomic<long long> click_ns{0};

long long monotonic_ns() {
  timespec t{};
  clock_gettime(CLOCK_MONOTONIC, &t);
  return t.tv_sec * 1000000000LL + t.tv_nsec;
}

int process(jack_nframes_t frames, void*) {
  // An input nobody feeds reads as silence: only pocket's own silence counts.
  if (heard.load() != Heard::nothing || jack_port_connected(in) == 0) return 0;
  const auto* audio = static_cast<const float*>(jack_port_get_buffer(in, frames));
  for (jack_nframes_t i = 0; i < frames; ++i) {
    if (audio[i] == 0.0f) {
      silence_heard.store(true);
      continue;
    }
    click_ns.store(monotonic_ns());
    heard.store(silence_heard.load() ? Heard::click_after_silence : Heard::sound_before_silence);
    return 0;
  }
  return 0;
}

// Told on JACK's notification thread, which may not connect: the main thread does.
void on_registration(jack_port_id_t id, int registered, void*) {
  const jack_port_t* port = jack_port_by_id(client, id);
  if (registered && port != nullptr && std::strcmp(jack_port_name(port), kPort) == 0)
    port_registered.store(true);
}

}  // namespace

int main(int argc, char** argv) {
  pocket::bench::WatchedCommand command;
  if (!command.parse(argc, argv)) {
    std::fprintf(stderr, "usage: first_click --out FILE -- PROGRAM ARGS...\n");
    return 2;
  }
  client = jack_client_open("first_click", JackNoStartServer, nullptr);
  if (client == nullptr) {
    std::fprintf(stderr, "first_click: no JACK server\n");
    return 1;
  }
  in = jack_port_register(client, "in", JACK_DEFAULT_AUDIO_TYPE, JackPortIsInput, 0);
  jack_set_process_callback(client, process, nullptr);
  jack_set_port_registration_callback(client, on_registration, nullptr);
  if (in == nullptr || jack_activate(client) != 0) {
    std::fprintf(stderr, "first_click: cannot activate the JACK client\n");
    return 1;
  }

  const long long launched_ns = monotonic_ns();
  if (!command.start()) {
    std::fprintf(stderr, "first_click: cannot start %s\n", command.argv[0]);
    return 1;
  }
  const auto give_up = std::chrono::steady_clock::now() + std::chrono::seconds(10);
  bool connected = false;
  while (heard.load() == Heard::nothing && command.wait(false) < 0 &&
         std::chrono::steady_clock::now() < give_up) {
    if (!connected && port_registered.load())
      connected = jack_connect(client, kPort, jack_port_name(in)) == 0;
    std::this_thread::sleep_for(std::chrono::microseconds(500));
  }
  std::string result;
  switch (heard.load()) {
    case Heard::click_after_silence: {
      char ms[32];
      std::snprintf(ms, sizeof ms, "%.1f", static_cast<double>(click_ns - launched_ns) / 1e6);
      result = std::string("first_click_ms=") + ms;
      break;
    }
    case Heard::sound_before_silence:
      result = "first_click_ms=none reason=connected_after_the_first_click";
      break;
    case Heard::nothing:
      result = connected ? "first_click_ms=none reason=no_click_within_10_s"
                         : "first_click_ms=none reason=no_port_" + std::string(kPort);
      if (command.wait(false) < 0) kill(command.pid, SIGTERM);
      break;
  }
  const int exit_code = command.wait();
  jack_deactivate(client);
  jack_client_close(client);
  return command.write(result + " exit=" + std::to_string(exit_code)) ? 0 : 1;
}
