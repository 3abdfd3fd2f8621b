#include "kernel_time_estimator.hpp"

#include <algorithm>

namespace pocket {

double KernelTimeEstimator::offset_at(double kernel) const {
  const auto held = static_cast<std::size_t>(std::min<std::int64_t>(events_, kRecent));
  double lowest = 0.0;
  for (std::size_t i = 0; i < held; ++i) {
    const double carried = recent_[i].difference + drift_ * (kernel - recent_[i].kernel);
    if (i == 0 || carried < lowest) lowest = carried;
  }
  // Once the drift is known, the lowest of each block of the last seconds counts too: more
  // deliveries, so a quicker one among them.
  if (drift_known_) {
    for (std::size_t b = 0; b < std::min(blocks_, kBlocks); ++b) {
      const Sample& low = block_lows_[b];
      if (kernel - low.kernel > kBlockReachSeconds) continue;
      lowest = std::min(lowest, low.difference + drift_ * (kernel - low.kernel));
    }
  }
  return lowest;
}

double KernelTimeEstimator::on_event(double kernel_delta, double arrival) {
  if (events_ > 0) kernel_ += std::max(kernel_delta, 0.0);  // stamps never go back
  const Sample sample{kernel_, arrival - kernel_};
  if (settled()) {
    // A delivery quicker than the offset so far: the estimates before it were this late.
    spread_ = std::max(spread_, offset_at(kernel_) - sample.difference);
  }
  if (events_ % kBlockEvents == 0 || sample.difference < block_low_.difference) block_low_ = sample;
  recent_[static_cast<std::size_t>(events_) % kRecent] = sample;
  ++events_;
  if (events_ % kBlockEvents == 0) close_block();
  return kernel_ + offset_at(kernel_);
}

void KernelTimeEstimator::close_block() {
  block_lows_[blocks_ % kBlocks] = block_low_;
  ++blocks_;
  fit_drift();
}

// The least-squares slope of the blocks' lowest differences against kernel time: the stream
// clock's gain on the kernel's. Two blocks at least, and ten seconds between them, before it
// is trusted; until then the clocks are taken to run together.
void KernelTimeEstimator::fit_drift() {
  const std::size_t n = std::min(blocks_, kBlocks);
  if (n < 2) return;
  double mean_k = 0.0, mean_d = 0.0, first = block_lows_[0].kernel, last = first;
  for (std::size_t i = 0; i < n; ++i) {
    mean_k += block_lows_[i].kernel / static_cast<double>(n);
    mean_d += block_lows_[i].difference / static_cast<double>(n);
    first = std::min(first, block_lows_[i].kernel);
    last = std::max(last, block_lows_[i].kernel);
  }
  if (last - first < 10.0) return;
  double covariance = 0.0, variance = 0.0;
  for (std::size_t i = 0; i < n; ++i) {
    const double dk = block_lows_[i].kernel - mean_k;
    covariance += dk * (block_lows_[i].difference - mean_d);
    variance += dk * dk;
  }
  if (variance > 0.0) {
    drift_ = covariance / variance;
    drift_known_ = true;
  }
}

}  // namespace pocket
