#include "live/port_watch.hpp"

namespace pocket {

namespace {
constexpr auto kLookInterval = std::chrono::seconds(1);
}  // namespace

bool PortWatch::due(Clock::time_point now) {
  if (now - last_look_ < kLookInterval) return false;
  last_look_ = now;
  return true;
}

MidiPortChange PortWatch::changed(KitInput::PortChange change, const std::string& port, double at) {
  MidiPortChange told{change == KitInput::PortChange::back, port, at, 0.0};
  if (change == KitInput::PortChange::lost) {
    away_since_ = at;
  } else {
    told.outage_seconds = at - away_since_.value_or(at);
    outages_.push_back({away_since_.value_or(at), told.outage_seconds});
    ++reconnects_;
    away_since_.reset();
  }
  return told;
}

void PortWatch::finish(double end_seconds, LiveResult& result) const {
  result.midi_outages = outages_;
  if (away_since_) result.midi_outages.push_back({*away_since_, end_seconds - *away_since_});
  result.midi_reconnects = reconnects_;
}

}  // namespace pocket
