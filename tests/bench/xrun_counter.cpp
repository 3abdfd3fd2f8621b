// Counts the xruns the JACK server tells of while a command runs, so that a bench can say how
// many of a client's underflows the server itself caused.
// usage: xrun_counter --out FILE -- PROGRAM ARGS...   (FILE gets "xruns=N exit=CODE")
#include <jack/jack.h>

#include <atomic>
#include <cstdio>
#include <string>

#include "watched_command.hpp"

namespace {
std::atomic<long> xruns{0};
}

int main(int argc, char** argv) {
  pocket::bench::WatchedCommand command;
  if (!command.parse(argc, argv)) {
    std::fprintf(stderr, "usage: xrun_counter --out FILE -- PROGRAM ARGS...\n");
    return 2;
  }
  jack_client_t* client = jack_client_open("xrun_counter", JackNoStartServer, nullptr);
  if (client == nullptr) {
    std::fprintf(stderr, "xrun_counter: no JACK server\n");
    return 1;
  }
  jack_set_xrun_callback(
      client,
      [](void*) {
        xruns.fetch_add(1);
        return 0;
      },
      nullptr);
  if (jack_activate(client) != 0 || !command.start()) {
    std::fprintf(stderr, "xrun_counter: cannot start counting or the command\n");
    return 1;
  }
  const int exit_code = command.wait();
  jack_deactivate(client);
  jack_client_close(client);
  return command.write("xruns=" + std::to_string(xruns.load()) +
                       " exit=" + std::to_string(exit_code))
             ? 0
             : 1;
}
