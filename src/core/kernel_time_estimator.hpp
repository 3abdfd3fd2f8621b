#pragma once

#include <array>
#include <cstdint>

namespace pocket {

// Times MIDI events on the stream clock from the sequencer's own kernel timestamps rather than
// from when the MIDI thread woke up to read them (ALSA).
//
// The kernel stamps each event when it comes in; RtMidi hands over only the difference between
// the stamps of consecutive events. Chained, those give each event's kernel time from the first
// one. An event is read some time after its stamp, never before, so (arrival - kernel time) is
// the clocks' offset plus a delay that is now and then close to nothing: the lowest of the recent
// differences is the offset: of the last 64 events, and once the drift is known, of each block
// of 16 of the last 20 seconds. On ALSA the sequencer's timer and the audio stream's clock both
// come from the kernel's clock and barely part; should they part (some parts per million), each
// difference is carried forward at the rate they do, the slope of the blocks' lowest differences
// over the last minute or so, fitted once ten seconds have been heard.
// Fixed-size state and no allocation: it runs in the MIDI callback.
class KernelTimeEstimator {
 public:
  // One event: `kernel_delta` seconds after the previous one by the kernel's stamps (ignored for
  // the first), read at stream time `arrival`. Returns its time on the stream clock.
  double on_event(double kernel_delta, double arrival);

  // How late an estimate may have been, as far as can be seen: the largest step down the offset
  // took once settled, when a quicker delivery showed the estimates before it late.
  double spread() const { return spread_; }
  // After 16 events the offset has seen enough deliveries to be close.
  bool settled() const { return events_ >= kSettleEvents; }
  std::int64_t events() const { return events_; }
  // The stream clock's gain on the kernel's, in seconds a second, once ten seconds of events
  // have shown it (0 until then).
  double drift() const { return drift_; }

  static constexpr std::int64_t kSettleEvents = 16;

 private:
  struct Sample {
    double kernel = 0.0;      // the event's kernel time, from the first event's
    double difference = 0.0;  // arrival - kernel
  };
  static constexpr std::size_t kRecent = 64;        // events the offset is the lowest of
  static constexpr std::int64_t kBlockEvents = 16;  // events per block for the drift
  static constexpr std::size_t kBlocks = 32;        // blocks the drift is fitted over
  static constexpr double kBlockReachSeconds = 20.0;

  double offset_at(double kernel) const;
  void close_block();
  void fit_drift();

  std::array<Sample, kRecent> recent_{};
  std::array<Sample, kBlocks> block_lows_{};  // each block's lowest difference
  Sample block_low_;                          // the lowest of the block being filled
  std::size_t blocks_ = 0;                    // blocks closed so far
  double kernel_ = 0.0;
  double drift_ = 0.0;
  bool drift_known_ = false;
  double spread_ = 0.0;
  std::int64_t events_ = 0;
};

}  // namespace pocket
