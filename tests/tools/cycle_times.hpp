#pragma once

#include <jack/jack.h>

#include <atomic>
#include <cstdint>
#include <vector>

// The frame time at which each cycle a test client ran really began. A client that runs late
// reads the next cycle's frame time (JACK's last frame time is the server's, not the cycle's),
// so each reading is kept and the cycles' times are put right afterwards: cycle k began at the
// least of what cycle k and each later one read, less a period for every cycle between (a later
// cycle read on time shows where the earlier ones were, unless the server skipped the client in
// between). Cycles the server ran without the client show as gaps. Record() only writes into
// memory reserved at construction: it runs in the process callback.
class CycleTimes {
 public:
  explicit CycleTimes(std::size_t capacity) { read_.reserve(capacity); }

  // [process thread] The cycle now running read `frame_time`; returns its index.
  std::size_t record(jack_nframes_t frame_time) {
    const std::size_t k = count_.load(std::memory_order_relaxed);
    if (k < read_.capacity()) {
      read_.push_back(frame_time);  // capacity reserved
      count_.store(k + 1, std::memory_order_release);
    }
    return k;
  }

  // [after the client is closed] When each cycle began, and the frames at which the server ran
  // cycles without the client (the first frame of each cycle it missed).
  std::vector<jack_nframes_t> began(jack_nframes_t period) const {
    const std::size_t n = count_.load(std::memory_order_acquire);
    std::vector<jack_nframes_t> t(read_.begin(), read_.begin() + static_cast<long>(n));
    for (std::size_t k = n; k-- > 1;) {
      const jack_nframes_t before_next = t[k] - period;
      if (static_cast<std::int32_t>(before_next - t[k - 1]) < 0) t[k - 1] = before_next;
    }
    return t;
  }
  static std::vector<jack_nframes_t> missed(const std::vector<jack_nframes_t>& began,
                                            jack_nframes_t period) {
    std::vector<jack_nframes_t> gaps;
    for (std::size_t k = 1; k < began.size(); ++k) {
      for (jack_nframes_t f = began[k - 1] + period; static_cast<std::int32_t>(began[k] - f) > 0;
           f += period)
        gaps.push_back(f);
    }
    return gaps;
  }

 private:
  std::vector<jack_nframes_t> read_;
  std::atomic<std::size_t> count_{0};
};
