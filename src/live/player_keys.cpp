#include "live/player_keys.hpp"

#include <algorithm>

#include "core/tempo_map.hpp"

namespace pocket {

namespace {
// Resuming, or starting on a hit: how long after the key the held bar starts again, in beats.
constexpr double kResumeLeadBeats = 1.0;
}  // namespace

ClickRequest PlayerKeys::resume(double at_seconds, double now_bpm) {
  pausing_ = false;
  waiting_ = false;
  return {ClickRequest::Kind::resume, 0, 0.0, at_seconds + kResumeLeadBeats * 60.0 / now_bpm};
}

ClickRequest PlayerKeys::follow(SessionKey key, double at_seconds, bool held,
                                std::int64_t last_bar_heard, double now_bpm) {
  using Kind = ClickRequest::Kind;
  switch (key) {
    case SessionKey::none: return {};
    case SessionKey::quit: return {Kind::quit};
    case SessionKey::pause:
      if (waiting_ || pausing_ || held) return resume(at_seconds, now_bpm);
      pausing_ = true;
      return {Kind::pause, last_bar_heard + 1};
    case SessionKey::faster:
    case SessionKey::slower:
      // The coach sets a ladder's tempo, and a waiting click has no bar line to change it at.
      if (ladder_ || waiting_) return {};
      // From the next bar line the audio thread has not reached yet.
      bpm_ = std::clamp(bpm_ + (key == SessionKey::faster ? 1.0 : -1.0), kMinBpm, kMaxBpm);
      return {Kind::tempo, last_bar_heard + 1, bpm_};
  }
  return {};
}

}  // namespace pocket
