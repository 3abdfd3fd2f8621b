// The schedule against independent computations, click by click, over 24 hours:
// exact integer arithmetic for constant tempos, long-double quadrature for ramps.
#include <cmath>
#include <cstdint>

#include <catch2/catch.hpp>

#include "core/schedule.hpp"

using namespace pocket;

namespace {

constexpr double kDaySeconds = 24.0 * 3600.0;

__extension__ using Int128 = __int128;

struct RationalTempo {
  std::int64_t numerator;  // bpm = numerator / denominator
  std::int64_t denominator;
};

// round(rate * 60 * denominator * m / (subdivision * numerator)) in exact integers.
// Sets `tie` when the exact value lies halfway between two frames.
std::int64_t exact_frame(std::int64_t rate, RationalTempo tempo, std::int64_t m, int subdivision,
                         bool& tie) {
  const Int128 num = static_cast<Int128>(rate) * 60 * tempo.denominator * m;
  const Int128 den = static_cast<Int128>(subdivision) * tempo.numerator;
  tie = (2 * num) % (2 * den) == den;
  return static_cast<std::int64_t>((2 * num + den) / (2 * den));
}

}  // namespace

TEST_CASE("constant fractional tempos stay exact to the frame for 24 hours",
          "[schedule][accuracy]") {
  struct Case {
    RationalTempo tempo;
    std::int64_t rate;
    int subdivision;
    Meter meter;
  };
  const auto c = GENERATE(Case{{1337, 10}, 48000, 1, {4, 4}}, Case{{9731, 100}, 44100, 3, {7, 8}},
                          Case{{5999, 100}, 96000, 4, {5, 4}}, Case{{2413, 10}, 48000, 6, {12, 8}},
                          Case{{200001, 1000}, 44100, 2, {6, 8}});
  const double bpm = static_cast<double>(c.tempo.numerator) / c.tempo.denominator;
  const auto bars = static_cast<std::int64_t>(std::ceil(kDaySeconds * bpm / 60.0 / c.meter.beats));
  ClickPattern pattern;
  pattern.subdivision = c.subdivision;
  const Schedule schedule(TempoMap({{c.meter, bars, bpm, bpm}}), pattern,
                          static_cast<double>(c.rate));
  REQUIRE(schedule.end_frame() >= static_cast<std::int64_t>(kDaySeconds * c.rate));

  std::int64_t m = 0;
  std::int64_t mismatches = 0;
  for (Schedule::Cursor cursor(schedule); !cursor.done(); cursor.advance(), ++m) {
    bool tie = false;
    const std::int64_t expected = exact_frame(c.rate, c.tempo, m, c.subdivision, tie);
    const std::int64_t got = cursor.current().frame;
    if (got != expected && !(tie && got == expected - 1)) ++mismatches;
  }
  INFO(bpm << " BPM, " << c.rate << " Hz, subdivision " << c.subdivision);
  CHECK(m == bars * c.meter.beats * c.subdivision);
  CHECK(mismatches == 0);
}

namespace {

// Seconds to play from beat a to beat b of a section whose tempo grows linearly per beat,
// by 5-point Gauss-Legendre quadrature of 60 / bpm(x) in long double: independent of the
// schedule's logarithmic closed form.
long double quadrature_seconds(const TempoSection& s, long double a, long double b) {
  static constexpr long double kNodes[] = {
      0.0L, -0.538469310105683091036314420700L, 0.538469310105683091036314420700L,
      -0.906179845938663992797626878299L, 0.906179845938663992797626878299L};
  static constexpr long double kWeights[] = {
      0.568888888888888888888888888889L, 0.478628670499366468041291514836L,
      0.478628670499366468041291514836L, 0.236926885056189087514264040720L,
      0.236926885056189087514264040720L};
  const long double span = static_cast<long double>(s.bars) * s.meter.beats;
  const long double half = (b - a) / 2, mid = (a + b) / 2;
  long double sum = 0;
  for (int i = 0; i < 5; ++i) {
    const long double x = mid + half * kNodes[i];
    const long double bpm =
        s.start_bpm + (static_cast<long double>(s.end_bpm) - s.start_bpm) * x / span;
    sum += kWeights[i] * 60.0L / bpm;
  }
  return sum * half;
}

}  // namespace

TEST_CASE("ramps and meter changes match quadrature to the frame for 24 hours",
          "[schedule][accuracy]") {
  const double rate = GENERATE(48000.0, 44100.0);
  const std::vector<TempoSection> sections = {
      {{4, 4}, 64, 97.3, 97.3},    {{7, 8}, 256, 97.3, 181.7},   {{5, 4}, 4000, 181.7, 181.7},
      {{12, 8}, 512, 181.7, 60.1}, {{4, 4}, 40000, 40.0, 400.0}, {{3, 4}, 15000, 333.3, 333.3},
      {{6, 8}, 1000, 60.1, 60.1}};
  ClickPattern pattern;
  pattern.subdivision = 2;
  const Schedule schedule(TempoMap(sections), pattern, rate);
  REQUIRE(schedule.tempo_map().total_seconds() >= kDaySeconds);

  Schedule::Cursor cursor(schedule);
  long double section_start = 0;
  double worst = 0.0;
  std::int64_t rounding_mismatches = 0, clicks = 0;
  for (const TempoSection& section : sections) {
    const std::int64_t beats = section.bars * section.meter.beats;
    long double beat_start = 0;  // seconds into the section, summed with Kahan compensation
    long double compensation = 0;
    for (std::int64_t beat = 0; beat < beats; ++beat) {
      for (int sub = 0; sub < pattern.subdivision; ++sub, ++clicks) {
        REQUIRE_FALSE(cursor.done());
        const long double offset =
            sub == 0
                ? 0.0L
                : quadrature_seconds(section, beat,
                                     beat + static_cast<long double>(sub) / pattern.subdivision);
        const long double exact = rate * (section_start + beat_start + offset);
        const ClickEvent& click = cursor.current();
        const double unrounded =
            rate * schedule.tempo_map().seconds_at(
                       click.bar,
                       click.beat + static_cast<double>(click.subdivision) / pattern.subdivision);
        worst = std::max(worst, static_cast<double>(std::fabs(unrounded - exact)));
        const long double fraction = exact - std::floor(exact);
        if (std::fabs(fraction - 0.5L) > 1e-3L && click.frame != std::llround(exact))
          ++rounding_mismatches;
        cursor.advance();
      }
      const long double y = quadrature_seconds(section, beat, beat + 1) - compensation;
      const long double t = beat_start + y;
      compensation = (t - beat_start) - y;
      beat_start = t;
    }
    section_start += beat_start;
  }
  CHECK(cursor.done());
  INFO(clicks << " clicks at " << rate << " Hz; worst difference " << worst << " frames");
  CHECK(worst < 1e-3);
  CHECK(rounding_mismatches == 0);
}
