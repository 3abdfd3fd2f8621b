#include "synthetic_drummer.hpp"

#include <algorithm>
#include <cmath>
#include <numbers>
#include <random>
#include <set>

namespace pocket::test {

namespace {

// Same numbers on every platform: mt19937_64 is fully specified, and so is this transform
// (std::normal_distribution is not).
class Random {
 public:
  explicit Random(std::uint64_t seed) : engine_(seed) {}
  double uniform() { return static_cast<double>(engine_() >> 11) * 0x1.0p-53; }
  double gaussian() {
    const double u1 = std::max(uniform(), 1e-300);
    const double u2 = uniform();
    return std::sqrt(-2.0 * std::log(u1)) * std::cos(2.0 * std::numbers::pi * u2);
  }

 private:
  std::mt19937_64 engine_;
};

// Piecewise-constant tempo, computed here independently of pocket's own grid code.
class Timeline {
 public:
  explicit Timeline(const DrummerSpec& spec) : spec_(spec) {
    const double tpq = spec.ticks_per_quarter;
    change_tick_ = spec.tempo_change_bar < 0 ? -1
                                             : static_cast<std::int64_t>(spec.tempo_change_bar) *
                                                   4 * spec.ticks_per_quarter;
    before_ = 60.0 / spec.bpm / tpq;
    after_ = spec.tempo_change_bar < 0 ? before_ : 60.0 / spec.change_bpm / tpq;
  }
  double ticks_per_slot() const { return 4.0 * spec_.ticks_per_quarter / spec_.grid; }
  double seconds_of_tick(double tick) const {
    if (change_tick_ < 0 || tick <= change_tick_) return tick * before_;
    return change_tick_ * before_ + (tick - change_tick_) * after_;
  }
  double tick_of_seconds(double seconds) const {
    if (change_tick_ < 0 || seconds <= change_tick_ * before_) return seconds / before_;
    return change_tick_ + (seconds - change_tick_ * before_) / after_;
  }

 private:
  const DrummerSpec& spec_;
  std::int64_t change_tick_;
  double before_, after_;
};

}  // namespace

SyntheticPerformance perform(const DrummerSpec& spec) {
  Random random(spec.seed);
  const Timeline timeline(spec);
  MidiFileWriter writer(spec.ticks_per_quarter);
  writer.add_tempo(0, spec.bpm);
  writer.add_time_signature(0, 4, 4);
  if (spec.tempo_change_bar >= 0) {
    writer.add_tempo(static_cast<std::int64_t>(spec.tempo_change_bar) * 4 * spec.ticks_per_quarter,
                     spec.change_bpm);
  }
  const int track = writer.add_track("drums");

  SyntheticPerformance result;
  std::set<std::int64_t> played;
  const int slots_per_bar = spec.grid;  // 4/4
  for (int bar = 0; bar < spec.bars; ++bar) {
    for (const Part& part : spec.parts) {
      for (const int position : part.slots) {
        const std::int64_t slot = static_cast<std::int64_t>(bar) * slots_per_bar + position;
        const double slot_seconds = timeline.seconds_of_tick(slot * timeline.ticks_per_slot());
        const double offset_ms = spec.bias_ms + part.bias_ms +
                                 spec.drift_ms_per_min * slot_seconds / 60.0 +
                                 spec.jitter_ms * random.gaussian();
        const bool miss = random.uniform() < spec.miss_probability;
        const bool doubled = random.uniform() < spec.double_trigger_probability;
        if (miss) continue;
        const auto tick = static_cast<std::int64_t>(
            std::llround(timeline.tick_of_seconds(slot_seconds + offset_ms / 1000.0)));
        if (tick < 0) continue;
        const double seconds = timeline.seconds_of_tick(static_cast<double>(tick));
        writer.add_note(track, tick, 9, part.note, part.velocity, spec.ticks_per_quarter / 16);
        result.strokes.push_back({seconds, (seconds - slot_seconds) * 1000.0, part.note});
        played.insert(slot);
        if (doubled) {
          // The pad's sensor fires again a few milliseconds later.
          const auto echo =
              tick + static_cast<std::int64_t>(std::llround(
                         timeline.tick_of_seconds(seconds + 0.004) - static_cast<double>(tick)));
          writer.add_note(track, echo, 9, part.note, part.velocity / 3,
                          spec.ticks_per_quarter / 16);
          ++result.double_triggers;
        }
      }
    }
  }
  if (!played.empty()) {
    result.missed_slots =
        *played.rbegin() - *played.begin() + 1 - static_cast<std::int64_t>(played.size());
  }
  std::sort(result.strokes.begin(), result.strokes.end(),
            [](const TruthStroke& a, const TruthStroke& b) { return a.seconds < b.seconds; });
  result.midi = writer.bytes();
  return result;
}

TruthStats truth_stats(const std::vector<TruthStroke>& strokes) {
  TruthStats stats;
  const double n = static_cast<double>(strokes.size());
  double sum = 0.0, sum_minutes = 0.0;
  for (const TruthStroke& s : strokes) {
    sum += s.offset_ms;
    sum_minutes += s.seconds / 60.0;
  }
  stats.mean_ms = sum / n;
  const double mean_minutes = sum_minutes / n;
  double ss = 0.0, sxx = 0.0, sxy = 0.0;
  for (const TruthStroke& s : strokes) {
    const double dy = s.offset_ms - stats.mean_ms, dx = s.seconds / 60.0 - mean_minutes;
    ss += dy * dy;
    sxx += dx * dx;
    sxy += dx * dy;
  }
  stats.sd_ms = std::sqrt(ss / (n - 1));
  stats.drift_ms_per_min = sxy / sxx;
  return stats;
}

}  // namespace pocket::test
