// What the audio callback's own work costs per buffer, at 64, 128 and 256 frames: the click
// engine rendering ten minutes of a busy click (sixteenths, accents, a tempo change every
// bar), and the kit's strokes going through the stroke intake, timed call by call. JACK's own
// part of a cycle (port buffers, the graph) is not in it. Prints one line a size, over all
// buffers and over those with a click sounding in them (the mixer's real work):
//   frames=F buffers=N sounding=B clicks=C median_us=M p999_us=P max_us=X p999_share_pct=S
//   sounding_median_us=M sounding_p999_us=P sounding_max_us=X
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <vector>

#include "audio/click_engine.hpp"
#include "audio/click_sound.hpp"
#include "core/meter_cycle.hpp"
#include "midi/stroke_intake.hpp"

namespace {

constexpr double kRate = 48000.0;

void measure(int frames) {
  using namespace pocket;
  ClickPattern pattern;
  pattern.subdivision = 4;
  pattern.accents = "Xxxx";
  LiveSchedule schedule(parse_meter_cycle("4/4"), 150.0, pattern, kRate, -1);
  const ClickSound sound = synthesize_click("woodblock", kRate);
  ClickEngine engine(schedule, sound, kRate);
  DrumMap kit("bench");
  kit.set(36, "kick");
  kit.set(38, "snare");
  StrokeIntake strokes(kit, 10.0);
  std::vector<float> buffer(static_cast<std::size_t>(frames));
  const auto buffers = static_cast<std::size_t>(600.0 * kRate / frames);
  std::vector<double> cost_us, sounding_us;
  cost_us.reserve(buffers);
  sounding_us.reserve(buffers);
  std::int64_t bar = 0, clicks = 0, sounding = 0;
  for (std::size_t i = 0; i < buffers; ++i) {
    // The session thread's side, outside the timing: a new tempo for every bar.
    if (i % 200 == 0) {
      ++bar;
      engine.request_tempo(bar, 140.0 + static_cast<double>(bar % 20));
    }
    for (ClickEvent c; engine.pop_click(c);) ++clicks;
    for (AudioAnchor a; engine.pop_anchor(a);) {
    }
    for (SectionStart s; engine.pop_section(s);) {
    }
    for (Stroke s; strokes.pop(s);) {
    }
    const double at = static_cast<double>(i) * frames / kRate;
    const unsigned char note[3] = {0x99, static_cast<unsigned char>(i % 2 ? 36 : 38), 100};
    const auto start = std::chrono::steady_clock::now();
    engine.render(buffer.data(), buffer.size(), at, 0);
    if (i % 4 == 0) strokes.on_message(note, 3, at);  // a stroke every few buffers
    const auto end = std::chrono::steady_clock::now();
    const double took = std::chrono::duration<double, std::micro>(end - start).count();
    cost_us.push_back(took);
    if (std::any_of(buffer.begin(), buffer.end(), [](float x) { return x != 0.0f; })) {
      ++sounding;
      sounding_us.push_back(took);
    }
  }
  std::sort(cost_us.begin(), cost_us.end());
  std::sort(sounding_us.begin(), sounding_us.end());
  const double p999 = cost_us[cost_us.size() * 999 / 1000];
  const double buffer_us = 1e6 * frames / kRate;
  std::printf(
      "frames=%d buffers=%zu sounding=%lld clicks=%lld median_us=%.2f p999_us=%.2f max_us=%.2f "
      "p999_share_pct=%.3f sounding_median_us=%.2f sounding_p999_us=%.2f sounding_max_us=%.2f\n",
      frames, cost_us.size(), static_cast<long long>(sounding), static_cast<long long>(clicks),
      cost_us[cost_us.size() / 2], p999, cost_us.back(), 100.0 * p999 / buffer_us,
      sounding_us[sounding_us.size() / 2], sounding_us[sounding_us.size() * 999 / 1000],
      sounding_us.back());
  std::fflush(stdout);
}

}  // namespace

int main() {
  for (const int frames : {64, 128, 256}) measure(frames);
  return 0;
}
