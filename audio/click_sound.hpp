#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/click_pattern.hpp"

namespace pocket {

// The three variants of one click sound, as mono samples at the output rate.
struct ClickSound {
  std::string name;
  std::vector<float> accent;
  std::vector<float> beat;
  std::vector<float> subdivision;

  const std::vector<float>& for_level(ClickLevel level) const;
  std::size_t longest() const;
};

// Peak levels of the variants, so accents stand out and subdivisions sit back.
inline constexpr float kAccentPeak = 0.9f;
inline constexpr float kBeatPeak = 0.6f;
inline constexpr float kSubdivisionPeak = 0.35f;

// Names of the built-in synthesized sounds.
std::vector<std::string> voice_names();

// A built-in sound, synthesized for `sample_rate`. Throws std::invalid_argument listing the
// available names when `name` is unknown.
ClickSound synthesize_click(std::string_view name, double sample_rate);

// A click from an audio file (WAV, FLAC, AIFF, ...), mixed to mono and resampled to
// `sample_rate` when its own rate differs. Throws std::runtime_error naming the file.
ClickSound load_sample_click(const std::string& path, double sample_rate);

}  // namespace pocket
