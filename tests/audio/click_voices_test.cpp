#include <cmath>
#include <numeric>

#include <catch2/catch.hpp>

#include "audio/click_sound.hpp"

using namespace pocket;

namespace {

float peak(const std::vector<float>& s) {
  float p = 0.0f;
  for (float x : s) p = std::max(p, std::abs(x));
  return p;
}

// Normalized correlation at lag 0: 1 for the same shape, lower for different sounds.
double similarity(const std::vector<float>& a, const std::vector<float>& b) {
  const std::size_t n = std::min(a.size(), b.size());
  double ab = 0, aa = 0, bb = 0;
  for (std::size_t i = 0; i < n; ++i) {
    ab += a[i] * b[i];
    aa += a[i] * a[i];
    bb += b[i] * b[i];
  }
  return ab / std::sqrt(aa * bb);
}

}  // namespace

TEST_CASE("built-in voices are short, start and end at rest, and carry no DC", "[voices]") {
  const double rate = GENERATE(44100.0, 48000.0, 96000.0);
  for (const std::string& name : voice_names()) {
    const ClickSound sound = synthesize_click(name, rate);
    CHECK(sound.name == name);
    for (const auto level : {ClickLevel::accent, ClickLevel::beat, ClickLevel::subdivision}) {
      const std::vector<float>& s = sound.for_level(level);
      INFO(name << " at " << rate << " Hz, level " << static_cast<int>(level));
      REQUIRE(s.size() > 10);
      CHECK(s.size() / rate < 0.030);
      CHECK(s.front() == 0.0f);
      CHECK(std::abs(s[1]) < 0.05f);      // a ramp, not a step
      CHECK(std::abs(s[1]) > 0.0f);       // but sound from the second frame on
      CHECK(std::abs(s.back()) < 1e-4f);  // the tail fades out completely
      const double mean = std::accumulate(s.begin(), s.end(), 0.0) / s.size();
      CHECK(std::abs(mean) < 1e-6);
    }
    CHECK(peak(sound.accent) == Approx(kAccentPeak));
    CHECK(peak(sound.beat) == Approx(kBeatPeak));
    CHECK(peak(sound.subdivision) == Approx(kSubdivisionPeak));
  }
}

TEST_CASE("each voice's accent, beat and subdivision sound different", "[voices]") {
  for (const std::string& name : voice_names()) {
    const ClickSound sound = synthesize_click(name, 48000.0);
    INFO(name);
    CHECK(similarity(sound.accent, sound.beat) < 0.9);
    CHECK(similarity(sound.beat, sound.subdivision) < 0.9);
  }
  // And the voices differ from one another.
  CHECK(similarity(synthesize_click("woodblock", 48000.0).beat,
                   synthesize_click("beep", 48000.0).beat) < 0.9);
  CHECK(similarity(synthesize_click("beep", 48000.0).beat, synthesize_click("tick", 48000.0).beat) <
        0.9);
}

TEST_CASE("an unknown voice lists the available ones", "[voices]") {
  CHECK_THROWS_WITH(synthesize_click("cowbell", 48000.0),
                    Catch::Contains("cowbell") && Catch::Contains("woodblock, beep, tick"));
}
