#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <vector>

#include "live/live_result.hpp"
#include "live/session_events.hpp"
#include "midi/kit_input.hpp"

namespace pocket {

// Watches the kit's MIDI port while the click goes on without it: looks once a second, keeps
// each outage with its length and counts each return. Clock-free: the caller says the time.
// [session thread]
class PortWatch {
 public:
  using Clock = std::chrono::steady_clock;
  explicit PortWatch(Clock::time_point start) : last_look_(start) {}

  // Whether it is time to look at the port again; if so, the next look is a second away.
  bool due(Clock::time_point now);

  // The port changed `at_seconds` into the session (pauses left out): what the views hear.
  MidiPortChange changed(KitInput::PortChange change, const std::string& port, double at_seconds);

  // Writes the outages and returns into `result`; an outage not over lasts to `end_seconds`.
  void finish(double end_seconds, LiveResult& result) const;

 private:
  Clock::time_point last_look_;
  std::optional<double> away_since_;  // the port is away since then
  std::vector<MidiOutage> outages_;
  int reconnects_ = 0;
};

}  // namespace pocket
