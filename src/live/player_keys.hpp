#pragma once

#include <cstdint>

#include "live/session_events.hpp"

namespace pocket {

// What a key of the player asks of the click.
struct ClickRequest {
  enum class Kind { none, quit, pause, resume, tempo } kind = Kind::none;
  std::int64_t from_bar = 0;  // pause, tempo: from this bar line
  double bpm = 0.0;           // tempo
  double lead_seconds = 0.0;  // resume: how long after the key the held bar starts again
};

// The player's keys in a live session: space pauses at the next bar line and resumes a beat
// after the key; + and - move the tempo a BPM from the next bar line (not in a ladder, whose
// tempo the coach sets); q ends. Clock-free. [session thread]
class PlayerKeys {
 public:
  PlayerKeys(double start_bpm, bool ladder) : bpm_(start_bpm), ladder_(ladder) {}

  // `held`: the click holds for a pause now; `last_bar_heard`: the bar the audio thread has
  // reached; `now_bpm`: the tempo heard now.
  ClickRequest follow(SessionKey key, bool held, std::int64_t last_bar_heard, double now_bpm);

  // A pause was asked for and its bar line not reached yet, or the click holds.
  bool pausing() const { return pausing_; }

 private:
  double bpm_;  // the tempo the player's nudges have reached
  bool ladder_;
  bool pausing_ = false;
};

}  // namespace pocket
