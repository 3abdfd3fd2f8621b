// How far each stroke's time is from the virtual drummer's own record of it, at 64, 128 and 256
// frames a period: pocket plays on a private JACK dummy server with the drummer, and each stroke's
// offset is compared with the drummer's once the loop between them (the constant calibration
// removes) is taken off. Strokes next to a cycle pocket or the drummer missed or ran late are
// left out and counted. Prints one line a period, the loop beside the error once it is off:
//   frames=F strokes=N disturbed=K loop_frames=L loop_ms=T mean_ms=M sd_ms=S p99_ms=P max_ms=X
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <vector>

#include "jack/live_rig.hpp"

namespace {

using pocket::test::DrummerOptions;
using pocket::test::LiveRig;

void measure(int period) {
  LiveRig rig(period);
  DrummerOptions drummer;
  drummer.jitter_ms = 3.0;
  drummer.notes = "36,38";
  drummer.edge_strokes = true;
  drummer.seed = static_cast<unsigned>(period);
  pocket::test::CommandResult result;
  const auto played = rig.with_drummer(drummer, [&] {
    result = rig.pocket({"play", "--bpm", "150", "--bars", "24", "--no-save"});
  });
  if (result.exit_code != 0) {
    std::printf("frames=%d error=pocket-exited-%d\n", period, result.exit_code);
    return;
  }
  const nlohmann::json j = nlohmann::json::parse(result.out);
  const LiveRig::LoopFrames loop_frames = rig.loop_frames(LiveRig::after_count_in(played, 4), j, 4);
  if (loop_frames.frames.empty()) {
    std::printf("frames=%d error=no-strokes\n", period);
    return;
  }
  const long loop = loop_frames.median();
  std::vector<double> error_ms, size_ms;
  for (long f : loop_frames.frames) error_ms.push_back(static_cast<double>(f - loop) / 48.0);
  for (double e : error_ms) size_ms.push_back(std::abs(e));
  std::sort(size_ms.begin(), size_ms.end());
  double mean = 0.0, variance = 0.0;
  for (double e : error_ms) mean += e / static_cast<double>(error_ms.size());
  for (double e : error_ms) variance += (e - mean) * (e - mean);
  const double sd =
      error_ms.size() > 1 ? std::sqrt(variance / static_cast<double>(error_ms.size() - 1)) : 0.0;
  const std::size_t p99 = std::min(size_ms.size() - 1, size_ms.size() * 99 / 100);
  std::printf(
      "frames=%d strokes=%zu disturbed=%zu loop_frames=%ld loop_ms=%.4f mean_ms=%.4f sd_ms=%.4f "
      "p99_ms=%.4f max_ms=%.4f\n",
      period, error_ms.size(), loop_frames.disturbed, loop, static_cast<double>(loop) / 48.0, mean,
      sd, size_ms[p99], size_ms.back());
  std::fflush(stdout);
}

}  // namespace

int main() {
  for (const int period : {64, 128, 256}) measure(period);
  return 0;
}
