#pragma once

#include <cstdint>

#include "live/session_events.hpp"

namespace pocket {

// What a key of the player (or a hit of the kit that stands for one) asks of the click.
struct ClickRequest {
  enum class Kind { none, quit, pause, resume, tempo } kind = Kind::none;
  std::int64_t from_bar = 0;  // pause, tempo: from this bar line
  double bpm = 0.0;           // tempo
  double at_seconds = 0.0;    // resume: when the held bar starts again, on the click track
};

// The player's keys in a live session: space pauses at the next bar line and resumes a beat
// after the key; + and - move the tempo a BPM from the next bar line (not in a ladder, whose
// tempo the coach sets); q ends. The start hit and the remote pad ask through here too.
//
// Waiting for a start hit (--start-on-hit), the click holds, silent, at the count-in's first
// bar line, as a pause holds: no bar goes by, so the next bar line is that one. The start
// (the hit, or space) releases it as a resume does, a beat after the hit; + and - wait for
// the click. Clock-free. [session thread]
class PlayerKeys {
 public:
  PlayerKeys(double start_bpm, bool ladder, bool wait_for_hit = false)
      : bpm_(start_bpm), ladder_(ladder), waiting_(wait_for_hit) {}

  // `at_seconds`: when the key came, or the pad was hit, on the click track; `held`: the click
  // holds for a pause now; `last_bar_heard`: the bar the audio thread has reached; `now_bpm`:
  // the tempo heard now.
  ClickRequest follow(SessionKey key, double at_seconds, bool held, std::int64_t last_bar_heard,
                      double now_bpm);

  // A pause was asked for and its bar line not reached yet, or the click holds.
  bool pausing() const { return pausing_; }
  // The click waits for the player's first hit.
  bool waiting() const { return waiting_; }

 private:
  ClickRequest resume(double at_seconds, double now_bpm);

  double bpm_;  // the tempo the player's nudges have reached
  bool ladder_;
  bool waiting_;
  bool pausing_ = false;
};

}  // namespace pocket
