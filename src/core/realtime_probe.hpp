#pragma once

#include <atomic>

namespace pocket {

// A window into pocket's real-time callbacks for a test that watches what they do (allocate,
// take a lock). While a probe is set, the audio and MIDI callbacks call enter() first and
// leave() last, on their own thread. Unset, as always outside tests, it costs one load.
struct RealtimeProbe {
  void (*enter)() = nullptr;
  void (*leave)() = nullptr;
};

inline std::atomic<const RealtimeProbe*> realtime_probe{nullptr};

// Wraps the work of one callback.
class RealtimeProbeScope {
 public:
  RealtimeProbeScope() : probe_(realtime_probe.load(std::memory_order_acquire)) {
    if (probe_ != nullptr) probe_->enter();
  }
  ~RealtimeProbeScope() {
    if (probe_ != nullptr) probe_->leave();
  }
  RealtimeProbeScope(const RealtimeProbeScope&) = delete;
  RealtimeProbeScope& operator=(const RealtimeProbeScope&) = delete;

 private:
  const RealtimeProbe* probe_;
};

}  // namespace pocket
