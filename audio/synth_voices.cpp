// The built-in click sounds, synthesized at the output rate so no resampling is needed.
#include <cmath>
#include <cstdint>
#include <numbers>
#include <stdexcept>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "click_sound.hpp"

namespace pocket {

namespace {

constexpr double kTwoPi = 2.0 * std::numbers::pi;
constexpr double kAttackSeconds = 0.0005;  // soft enough to avoid a hard edge, still crisp
constexpr double kReleaseSeconds = 0.003;  // the tail fades to exactly zero

struct Partial {
  double hz;
  double gain;
  double decay_seconds;
};

std::size_t frames_for(double seconds, double rate) {
  return static_cast<std::size_t>(std::lround(seconds * rate));
}

// Fades in and out, removes any DC with a window that keeps both ends at zero, and scales
// to `peak`.
std::vector<float> finish(std::vector<double> s, double rate, float peak) {
  const std::size_t n = s.size();
  const std::size_t attack = std::max<std::size_t>(2, frames_for(kAttackSeconds, rate));
  const std::size_t release = std::max<std::size_t>(2, frames_for(kReleaseSeconds, rate));
  for (std::size_t i = 0; i < attack; ++i) {
    s[i] *= 0.5 - 0.5 * std::cos(std::numbers::pi * i / attack);
  }
  for (std::size_t i = 0; i < release; ++i) {
    s[n - 1 - i] *= 0.5 - 0.5 * std::cos(std::numbers::pi * i / (release - 1));
  }
  double sum = 0.0;
  double window_sum = 0.0;
  std::vector<double> window(n);
  for (std::size_t i = 0; i < n; ++i) {
    window[i] = 0.5 - 0.5 * std::cos(kTwoPi * i / (n - 1));
    sum += s[i];
    window_sum += window[i];
  }
  double max_abs = 0.0;
  for (std::size_t i = 0; i < n; ++i) {
    s[i] -= sum / window_sum * window[i];
    max_abs = std::max(max_abs, std::abs(s[i]));
  }
  std::vector<float> out(n);
  for (std::size_t i = 0; i < n; ++i) out[i] = static_cast<float>(s[i] / max_abs * peak);
  return out;
}

std::vector<float> tone(std::initializer_list<Partial> partials, double seconds, double rate,
                        float peak) {
  std::vector<double> s(frames_for(seconds, rate), 0.0);
  for (std::size_t i = 0; i < s.size(); ++i) {
    const double t = static_cast<double>(i) / rate;
    for (const Partial& p : partials) {
      s[i] += p.gain * std::sin(kTwoPi * p.hz * t) * std::exp(-t / p.decay_seconds);
    }
  }
  return finish(std::move(s), rate, peak);
}

// Bright noise: a fixed-seed generator (the sound is the same on every run), differenced
// twice to push its energy up like a closed hi-hat. Each variant has its own seed.
std::vector<float> noise_tick(std::uint32_t seed, double decay_seconds, double seconds, double rate,
                              float peak) {
  std::vector<double> s(frames_for(seconds, rate), 0.0);
  std::uint32_t state = seed;
  double prev = 0.0;
  double prev_diff = 0.0;
  for (std::size_t i = 0; i < s.size(); ++i) {
    state ^= state << 13;
    state ^= state >> 17;
    state ^= state << 5;
    const double white = static_cast<double>(state) / 4294967295.0 * 2.0 - 1.0;
    const double diff = white - prev;
    prev = white;
    const double t = static_cast<double>(i) / rate;
    s[i] = (diff - prev_diff) * std::exp(-t / decay_seconds);
    prev_diff = diff;
  }
  return finish(std::move(s), rate, peak);
}

ClickSound woodblock(double rate) {
  return {"woodblock", tone({{1800, 1.0, 0.006}, {2950, 0.5, 0.004}}, 0.025, rate, kAccentPeak),
          tone({{1250, 1.0, 0.006}, {2100, 0.5, 0.004}}, 0.025, rate, kBeatPeak),
          tone({{950, 1.0, 0.005}, {1600, 0.4, 0.003}}, 0.022, rate, kSubdivisionPeak)};
}

ClickSound beep(double rate) {
  return {"beep", tone({{1760, 1.0, 0.009}}, 0.028, rate, kAccentPeak),
          tone({{1320, 1.0, 0.008}}, 0.028, rate, kBeatPeak),
          tone({{990, 1.0, 0.006}}, 0.024, rate, kSubdivisionPeak)};
}

ClickSound tick(double rate) {
  return {"tick", noise_tick(0x9e3779b9u, 0.005, 0.024, rate, kAccentPeak),
          noise_tick(0x85ebca6bu, 0.003, 0.020, rate, kBeatPeak),
          noise_tick(0xc2b2ae35u, 0.002, 0.016, rate, kSubdivisionPeak)};
}

}  // namespace

std::vector<std::string> voice_names() { return {"woodblock", "beep", "tick"}; }

ClickSound synthesize_click(std::string_view name, double sample_rate) {
  if (name == "woodblock") return woodblock(sample_rate);
  if (name == "beep") return beep(sample_rate);
  if (name == "tick") return tick(sample_rate);
  throw std::invalid_argument(
      fmt::format("unknown sound '{}': choose one of {}", name, fmt::join(voice_names(), ", ")));
}

}  // namespace pocket
