#include "live/remote_taps.hpp"

#include "live/session_events.hpp"

namespace pocket {

SessionKey RemoteTaps::tap(double seconds) {
  ++taps_;
  if (in_group_ == 0 || seconds - group_start_ > kGroupSeconds) {
    group_start_ = seconds;
    in_group_ = 1;
    return SessionKey::pause;
  }
  ++in_group_;
  return in_group_ == kTapsToEnd ? SessionKey::quit : SessionKey::none;
}

}  // namespace pocket
