#pragma once

#include <jack/jack.h>

#include <atomic>
#include <cstdint>
#include <vector>

// The frame time at which each cycle a test client ran really began. A client that runs late
// reads the next cycle's frame time (JACK's last frame time is the server's, not the cycle's),
// so each reading is kept and the cycles' times are put right afterwards: cycle k began at the
// least of what cycle k and each later one read, less the periods of the cycles between (a
// later cycle read on time shows where the earlier ones were, unless the server skipped the
// client in between). Cycles the server ran without the client show as gaps. Each cycle keeps
// its own period (PipeWire changes its quantum as clients come and go), and a reading further
// back than a late cycle could explain is a new clock (PipeWire's graph under another driver),
// not a late read: it puts nothing before it right. Record() only writes into memory reserved
// at construction: it runs in the process callback.
class CycleTimes {
 public:
  explicit CycleTimes(std::size_t capacity) {
    read_.reserve(capacity);
    frames_.reserve(capacity);
  }

  // [process thread] The cycle now running read `frame_time` and has `frames`; returns its
  // index.
  std::size_t record(jack_nframes_t frame_time, jack_nframes_t frames) {
    const std::size_t k = count_.load(std::memory_order_relaxed);
    if (k < read_.capacity()) {
      read_.push_back(frame_time);  // capacity reserved
      frames_.push_back(frames);
      count_.store(k + 1, std::memory_order_release);
    }
    return k;
  }

  // [after the client is closed] When each cycle began.
  std::vector<jack_nframes_t> began() const {
    const std::size_t n = count_.load(std::memory_order_acquire);
    std::vector<jack_nframes_t> t(read_.begin(), read_.begin() + static_cast<long>(n));
    for (std::size_t k = n; k-- > 1;) {
      const jack_nframes_t before_next = t[k] - frames_[k - 1];
      const auto behind = static_cast<std::int32_t>(before_next - t[k - 1]);
      if (behind < 0 && behind > -kLatestRead * static_cast<std::int32_t>(frames_[k - 1]))
        t[k - 1] = before_next;
    }
    return t;
  }
  // The first frame of each cycle the server ran without the client, from began().
  std::vector<jack_nframes_t> missed(const std::vector<jack_nframes_t>& began) const {
    std::vector<jack_nframes_t> gaps;
    for (std::size_t k = 1; k < began.size(); ++k) {
      const jack_nframes_t period = frames_[k - 1];
      const auto gap = static_cast<std::int32_t>(began[k] - began[k - 1]);
      if (gap > kNewClock) continue;  // a clock that jumped ahead: no cycles were missed
      for (jack_nframes_t f = began[k - 1] + period; static_cast<std::int32_t>(began[k] - f) > 0;
           f += period)
        gaps.push_back(f);
    }
    return gaps;
  }

 private:
  // A cycle read this many periods late at most; further back is another clock.
  static constexpr std::int32_t kLatestRead = 64;
  // Frames between two cycles (about 20 s) past which the clock is another one.
  static constexpr std::int32_t kNewClock = 1 << 20;

  std::vector<jack_nframes_t> read_;
  std::vector<jack_nframes_t> frames_;
  std::atomic<std::size_t> count_{0};
};
