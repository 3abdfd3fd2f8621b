// A click made from the user's own sample file.
#include <algorithm>
#include <cmath>
#include <filesystem>
#include <stdexcept>

#include <fmt/format.h>
#include <samplerate.h>

#include "click_sound.hpp"
#include "core/errors.hpp"
#include "sndfile_handle.hpp"

namespace pocket {

namespace {

constexpr double kMaxSampleSeconds = 1.0;  // a click, not a loop: longer files are cut
constexpr double kCutFadeSeconds = 0.005;

std::vector<float> read_mono(const std::string& path, int& file_rate) {
  if (!std::filesystem::is_regular_file(path)) {
    throw InputFileError(fmt::format("cannot read sample '{}': no such file", path));
  }
  SF_INFO info{};
  SndFileHandle file(sf_open(path.c_str(), SFM_READ, &info));
  if (!file) {
    throw InputFileError(fmt::format("cannot read sample '{}': {}", path, sf_strerror(nullptr)));
  }
  if (info.frames <= 0 || info.channels <= 0) {
    throw InputFileError(fmt::format("sample '{}' holds no audio", path));
  }
  std::vector<float> interleaved(static_cast<std::size_t>(info.frames * info.channels));
  const sf_count_t read = sf_readf_float(file.get(), interleaved.data(), info.frames);
  std::vector<float> mono(static_cast<std::size_t>(read), 0.0f);
  for (std::size_t i = 0; i < mono.size(); ++i) {
    for (int c = 0; c < info.channels; ++c) {
      mono[i] += interleaved[i * static_cast<std::size_t>(info.channels) + c] / info.channels;
    }
  }
  file_rate = info.samplerate;
  return mono;
}

std::vector<float> resample(const std::vector<float>& in, int in_rate, double out_rate,
                            const std::string& path) {
  const double ratio = out_rate / in_rate;
  std::vector<float> out(static_cast<std::size_t>(std::ceil(in.size() * ratio)) + 16);
  SRC_DATA data{};
  data.data_in = in.data();
  data.input_frames = static_cast<long>(in.size());
  data.data_out = out.data();
  data.output_frames = static_cast<long>(out.size());
  data.src_ratio = ratio;
  if (const int error = src_simple(&data, SRC_SINC_BEST_QUALITY, 1); error != 0) {
    throw std::runtime_error(fmt::format("cannot resample '{}': {}", path, src_strerror(error)));
  }
  out.resize(static_cast<std::size_t>(data.output_frames_gen));
  return out;
}

std::vector<float> scaled(const std::vector<float>& s, float gain) {
  std::vector<float> out(s.size());
  std::transform(s.begin(), s.end(), out.begin(), [gain](float x) { return x * gain; });
  return out;
}

}  // namespace

ClickSound load_sample_click(const std::string& path, double sample_rate) {
  int file_rate = 0;
  std::vector<float> s = read_mono(path, file_rate);
  if (file_rate != static_cast<int>(sample_rate)) s = resample(s, file_rate, sample_rate, path);

  const auto max_frames = static_cast<std::size_t>(kMaxSampleSeconds * sample_rate);
  if (s.size() > max_frames) {
    s.resize(max_frames);
    const auto fade = static_cast<std::size_t>(kCutFadeSeconds * sample_rate);
    for (std::size_t i = 0; i < fade; ++i) s[max_frames - 1 - i] *= static_cast<float>(i) / fade;
  }
  float peak = 0.0f;
  for (float x : s) peak = std::max(peak, std::abs(x));
  if (peak == 0.0f) throw InputFileError(fmt::format("sample '{}' is silent", path));

  const float gain = kAccentPeak / peak;
  return {std::filesystem::path(path).filename().string(), scaled(s, gain),
          scaled(s, gain * kBeatPeak / kAccentPeak),
          scaled(s, gain * kSubdivisionPeak / kAccentPeak)};
}

}  // namespace pocket
