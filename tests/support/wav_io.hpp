#pragma once

#include <filesystem>
#include <stdexcept>
#include <vector>

#include <sndfile.h>

namespace pocket::test {

struct Audio {
  std::vector<float> samples;  // interleaved
  int channels = 0;
  int rate = 0;
};

inline Audio read_audio(const std::filesystem::path& path) {
  SF_INFO info{};
  SNDFILE* file = sf_open(path.c_str(), SFM_READ, &info);
  if (file == nullptr) throw std::runtime_error("cannot open " + path.string());
  Audio audio{std::vector<float>(static_cast<std::size_t>(info.frames * info.channels)),
              info.channels, info.samplerate};
  sf_readf_float(file, audio.samples.data(), info.frames);
  sf_close(file);
  return audio;
}

inline void write_audio(const std::filesystem::path& path, const Audio& audio, int format) {
  SF_INFO info{};
  info.samplerate = audio.rate;
  info.channels = audio.channels;
  info.format = format;
  SNDFILE* file = sf_open(path.c_str(), SFM_WRITE, &info);
  if (file == nullptr) throw std::runtime_error("cannot write " + path.string());
  sf_writef_float(file, audio.samples.data(),
                  static_cast<sf_count_t>(audio.samples.size()) / audio.channels);
  sf_close(file);
}

// Frames at which sound starts after at least `min_silence` frames of digital silence.
inline std::vector<std::int64_t> onsets(const std::vector<float>& mono, std::int64_t min_silence) {
  std::vector<std::int64_t> found;
  std::int64_t silent = min_silence;
  for (std::size_t i = 0; i < mono.size(); ++i) {
    if (mono[i] == 0.0f) {
      ++silent;
      continue;
    }
    if (silent >= min_silence) found.push_back(static_cast<std::int64_t>(i));
    silent = 0;
  }
  return found;
}

}  // namespace pocket::test
