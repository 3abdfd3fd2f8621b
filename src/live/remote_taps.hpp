#pragma once

namespace pocket {

enum class SessionKey;

// The remote pad: a pad the drill does not play, struck so that the sticks stay in the hands.
// One tap pauses at the bar line or goes on, as the space key does; three within 1.5 s end the
// session, as q does. The first tap of a group acts at once, so that a pause is never late;
// the taps after it within 1.5 s of it only count towards the end. Clock-free: times are
// seconds of the click track. [session thread]
class RemoteTaps {
 public:
  static constexpr double kGroupSeconds = 1.5;
  static constexpr int kTapsToEnd = 3;

  // A tap at `seconds`: what it asks of the session, as a key would.
  SessionKey tap(double seconds);
  // Taps so far.
  int taps() const { return taps_; }

 private:
  double group_start_ = 0.0;  // the first tap of the group under way
  int in_group_ = 0;          // 0: no group yet
  int taps_ = 0;
};

}  // namespace pocket
