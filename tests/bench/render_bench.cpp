// How fast the offline renderer writes one hour of click, against real time.
#include <chrono>
#include <cstdio>
#include <filesystem>

#include <fmt/format.h>

#include "audio/offline_renderer.hpp"

int main() {
  using namespace pocket;
  const double rate = 48000.0;
  const Schedule schedule(TempoMap({{{4, 4}, 2000, 133.7, 133.7}}), ClickPattern{}, rate);
  const ClickSound sound = synthesize_click("woodblock", rate);
  const auto out = std::filesystem::temp_directory_path() / "pocket-bench-hour.wav";

  const auto start = std::chrono::steady_clock::now();
  const RenderSummary summary = render_to_file(schedule, sound, out);
  const std::chrono::duration<double> elapsed = std::chrono::steady_clock::now() - start;
  std::filesystem::remove(out);

  const double audio_seconds = summary.frames / rate;
  fmt::print(
      "render: {} clicks, {:.0f} s of audio at 48 kHz (24-bit WAV) in {:.3f} s: {:.0f}x real "
      "time\n",
      summary.clicks, audio_seconds, elapsed.count(), audio_seconds / elapsed.count());
  return 0;
}
