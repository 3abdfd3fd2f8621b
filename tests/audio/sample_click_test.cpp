#include <cmath>
#include <fstream>
#include <numbers>

#include <catch2/catch.hpp>

#include "audio/click_sound.hpp"
#include "support/temp_dir.hpp"
#include "support/wav_io.hpp"

using namespace pocket;

namespace {

// A 10 ms, 1 kHz stereo burst at 44.1 kHz, quieter on the right.
test::Audio burst() {
  test::Audio audio{{}, 2, 44100};
  for (int i = 0; i < 441; ++i) {
    const float x =
        0.5f * static_cast<float>(std::sin(2 * std::numbers::pi * 1000.0 * i / 44100.0));
    audio.samples.push_back(x);
    audio.samples.push_back(x * 0.5f);
  }
  return audio;
}

int zero_crossings(const std::vector<float>& s) {
  int n = 0;
  for (std::size_t i = 1; i < s.size(); ++i) n += (s[i - 1] < 0) != (s[i] < 0);
  return n;
}

}  // namespace

TEST_CASE("a sample file at another rate is resampled and keeps its pitch", "[sample]") {
  test::TempDir dir;
  const auto format = GENERATE(SF_FORMAT_WAV | SF_FORMAT_PCM_16, SF_FORMAT_FLAC | SF_FORMAT_PCM_24,
                               SF_FORMAT_AIFF | SF_FORMAT_PCM_24);
  const std::string name = (format & SF_FORMAT_TYPEMASK) == SF_FORMAT_WAV    ? "click.wav"
                           : (format & SF_FORMAT_TYPEMASK) == SF_FORMAT_FLAC ? "click.flac"
                                                                             : "click.aiff";
  test::write_audio(dir / name, burst(), format);

  const ClickSound sound = load_sample_click((dir / name).string(), 48000.0);
  CHECK(sound.name == name);
  // 10 ms at 48 kHz.
  CHECK(std::abs(static_cast<long>(sound.accent.size()) - 480) <= 2);
  // Ten periods of 1 kHz: about 20 zero crossings, as in the original.
  CHECK(std::abs(zero_crossings(sound.accent) - 20) <= 2);
  float peak = 0.0f;
  for (float x : sound.accent) peak = std::max(peak, std::abs(x));
  CHECK(peak == Approx(kAccentPeak).epsilon(0.02));
  CHECK(sound.beat[100] == Approx(sound.accent[100] * kBeatPeak / kAccentPeak));
}

TEST_CASE("a sample at the output rate is used as it is", "[sample]") {
  test::TempDir dir;
  test::Audio audio = burst();
  audio.rate = 48000;
  test::write_audio(dir / "same.wav", audio, SF_FORMAT_WAV | SF_FORMAT_FLOAT);
  const ClickSound sound = load_sample_click((dir / "same.wav").string(), 48000.0);
  REQUIRE(sound.accent.size() == 441);
  // Mixed to mono (0.75 of the left channel), then scaled to the accent peak.
  CHECK(sound.accent[50] / sound.accent[20] == Approx(audio.samples[100] / audio.samples[40]));
}

TEST_CASE("unreadable samples are refused with the file's name", "[sample]") {
  test::TempDir dir;
  CHECK_THROWS_WITH(load_sample_click((dir / "missing.wav").string(), 48000.0),
                    Catch::Contains("missing.wav") && Catch::Contains("no such file"));
  std::ofstream(dir / "notes.wav") << "this is not audio";
  CHECK_THROWS_WITH(load_sample_click((dir / "notes.wav").string(), 48000.0),
                    Catch::Contains("notes.wav"));
  test::Audio silence{std::vector<float>(100, 0.0f), 1, 48000};
  test::write_audio(dir / "silence.wav", silence, SF_FORMAT_WAV | SF_FORMAT_PCM_16);
  CHECK_THROWS_WITH(load_sample_click((dir / "silence.wav").string(), 48000.0),
                    Catch::Contains("silent"));
}
