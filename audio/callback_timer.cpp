#include "callback_timer.hpp"

#include <algorithm>
#include <bit>
#include <cmath>
#include <vector>

namespace pocket {

namespace {

// Percentiles of a histogram given as counts per bucket: each is the middle of the bucket it
// falls in, never above the largest duration seen.
DurationStats stats_of(const std::vector<std::uint64_t>& counts, std::uint64_t max_ns) {
  DurationStats s;
  for (const std::uint64_t c : counts) s.cycles += static_cast<std::int64_t>(c);
  if (s.cycles == 0) return s;
  const auto percentile = [&](double share) {
    const auto rank = static_cast<std::uint64_t>(std::ceil(share * static_cast<double>(s.cycles)));
    std::uint64_t seen = 0;
    for (std::size_t b = 0; b < counts.size(); ++b) {
      seen += counts[b];
      if (seen >= std::max<std::uint64_t>(rank, 1)) {
        const double low = static_cast<double>(CallbackTimer::bucket_low(b));
        const double high = static_cast<double>(CallbackTimer::bucket_high(b) - 1);
        return std::min((low + high) / 2.0, static_cast<double>(max_ns)) / 1000.0;
      }
    }
    return static_cast<double>(max_ns) / 1000.0;
  };
  s.p50_us = percentile(0.50);
  s.p99_us = percentile(0.99);
  s.p99_9_us = percentile(0.999);
  s.max_us = static_cast<double>(max_ns) / 1000.0;
  return s;
}

}  // namespace

std::size_t CallbackTimer::bucket_of(std::uint64_t nanoseconds) {
  if (nanoseconds < kExact) return static_cast<std::size_t>(nanoseconds);
  const int octave = std::bit_width(nanoseconds) - 1;  // 6 and up
  const auto sub =
      static_cast<std::size_t>(nanoseconds >> (octave - kSubBits)) & ((1u << kSubBits) - 1);
  const std::size_t bucket =
      kExact + static_cast<std::size_t>(octave - 6) * (std::size_t{1} << kSubBits) + sub;
  return std::min(bucket, kBuckets - 1);
}

std::uint64_t CallbackTimer::bucket_low(std::size_t bucket) {
  if (bucket < kExact) return bucket;
  const std::size_t above = bucket - kExact;
  const int octave = static_cast<int>(above >> kSubBits) + 6;
  const std::uint64_t sub = above & ((1u << kSubBits) - 1);
  return (std::uint64_t{1} << octave) + (sub << (octave - kSubBits));
}

std::uint64_t CallbackTimer::bucket_high(std::size_t bucket) {
  if (bucket < kExact) return bucket + 1;
  const int octave = static_cast<int>((bucket - kExact) >> kSubBits) + 6;
  return bucket_low(bucket) + (std::uint64_t{1} << (octave - kSubBits));
}

void CallbackTimer::Histogram::add(std::uint64_t nanoseconds) {
  counts[bucket_of(nanoseconds)].fetch_add(1, std::memory_order_relaxed);
  std::uint64_t seen = max_ns.load(std::memory_order_relaxed);
  while (nanoseconds > seen &&
         !max_ns.compare_exchange_weak(seen, nanoseconds, std::memory_order_relaxed)) {
  }
}

void CallbackTimer::record(std::uint64_t nanoseconds, bool with_midi) {
  (with_midi ? with_midi_ : without_midi_).add(nanoseconds);
}

DurationStats CallbackTimer::Histogram::stats() const {
  std::vector<std::uint64_t> c(kBuckets);
  for (std::size_t b = 0; b < kBuckets; ++b) c[b] = counts[b].load(std::memory_order_relaxed);
  return stats_of(c, max_ns.load(std::memory_order_relaxed));
}

CallbackDurations CallbackTimer::durations(double period_us) const {
  CallbackDurations d;
  d.period_us = period_us;
  d.with_midi = with_midi_.stats();
  d.without_midi = without_midi_.stats();
  std::vector<std::uint64_t> all(kBuckets);
  for (std::size_t b = 0; b < kBuckets; ++b)
    all[b] = with_midi_.counts[b].load(std::memory_order_relaxed) +
             without_midi_.counts[b].load(std::memory_order_relaxed);
  d.all = stats_of(all, std::max(with_midi_.max_ns.load(std::memory_order_relaxed),
                                 without_midi_.max_ns.load(std::memory_order_relaxed)));
  return d;
}

}  // namespace pocket
