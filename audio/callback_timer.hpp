#pragma once

#include <array>
#include <atomic>
#include <chrono>
#include <cstddef>
#include <cstdint>

namespace pocket {

// How the durations of a callback are spread, in microseconds.
struct DurationStats {
  std::int64_t cycles = 0;
  double p50_us = 0.0;
  double p99_us = 0.0;
  double p99_9_us = 0.0;
  double max_us = 0.0;
};

// What an audio callback cost, cycle by cycle: all cycles, and those that did or did not bring
// MIDI in (a kit's strokes, a flood), so that the cost of input shows beside the click's own.
struct CallbackDurations {
  double period_us = 0.0;  // the time one buffer lasts: the callback's whole budget
  DurationStats all;
  DurationStats with_midi;
  DurationStats without_midi;
};

// The duration of each audio callback, kept by the callback itself in a fixed histogram of
// atomic counters: the audio thread reads a clock and adds one, nothing else. Buckets are exact
// below 64 ns and about 3 % wide above, up to 17 seconds.
class CallbackTimer {
 public:
  // [audio-thread] Times one callback from construction to destruction.
  class Scope {
   public:
    explicit Scope(CallbackTimer& timer)
        : timer_(timer), start_(std::chrono::steady_clock::now()) {}
    ~Scope() {
      const auto took = std::chrono::steady_clock::now() - start_;
      timer_.record(static_cast<std::uint64_t>(
                        std::chrono::duration_cast<std::chrono::nanoseconds>(took).count()),
                    with_midi_);
    }
    Scope(const Scope&) = delete;
    Scope& operator=(const Scope&) = delete;
    // [audio-thread] This cycle brought MIDI in.
    void with_midi() { with_midi_ = true; }

   private:
    CallbackTimer& timer_;
    std::chrono::steady_clock::time_point start_;
    bool with_midi_ = false;
  };

  // [audio-thread] One callback that took `nanoseconds`.
  void record(std::uint64_t nanoseconds, bool with_midi);
  // [any thread] What was recorded so far; `period_us` the buffer's duration.
  CallbackDurations durations(double period_us) const;

  // The bucket a duration falls in, and the durations a bucket holds: [low, high).
  static std::size_t bucket_of(std::uint64_t nanoseconds);
  static std::uint64_t bucket_low(std::size_t bucket);
  static std::uint64_t bucket_high(std::size_t bucket);

 private:
  static constexpr std::size_t kExact = 64;
  static constexpr int kSubBits = 5;  // 32 buckets an octave
  static constexpr std::size_t kBuckets = kExact + (34 - 6 + 1) * (std::size_t{1} << kSubBits);

  struct Histogram {
    std::array<std::atomic<std::uint32_t>, kBuckets> counts{};
    std::atomic<std::uint64_t> max_ns{0};
    void add(std::uint64_t nanoseconds);
    DurationStats stats() const;
  };

  Histogram with_midi_;
  Histogram without_midi_;
};

}  // namespace pocket
