#include "live/calibration_session.hpp"

#include <cmath>
#include <stdexcept>
#include <vector>

#include <fmt/format.h>

#include "core/errors.hpp"
#include "core/tempo_text.hpp"

namespace pocket {

void prepare_calibration(double bpm, int clicks, LiveOptions& live) {
  if (clicks < 16)
    throw UsageError(fmt::format("{} clicks are too few to calibrate: use 16 or more", clicks));
  try {
    TempoMap({{live.drill.meters.first(), 1, bpm, bpm}});
  } catch (const std::invalid_argument& e) {
    throw UsageError(e.what());
  }
  live.drill.name = "calibrate";
  live.drill.bpm = bpm;
  live.drill.click.count_in_bars = 1;
  const int beats = live.drill.meters.first().beats;
  live.drill.bars = (clicks + beats - 1) / beats;
}

std::optional<Calibration> measure_calibration(LiveOptions live) {
  live.calibration_ms = 0.0;  // measure the raw offset
  const int beats = live.drill.meters.first().beats;
  fmt::print(live.feedback, "hit along with {} clicks at {} after a bar of count-in\n",
             live.drill.bars * beats, format_bpm(live.drill.bpm));
  install_interrupt_handler();
  const LiveResult result = run_live_session(live);

  std::vector<double> offsets;
  for (const ScoredStroke& s : result.analysis.strokes) {
    if (s.matched) offsets.push_back(s.offset_ms);
  }
  const std::optional<Calibration> calibration = calibrate(offsets);
  if (!calibration) {
    fmt::print(stderr, "only {} strokes landed on the clicks: calibration needs at least {}\n",
               offsets.size(), kMinCalibrationStrokes);
    return std::nullopt;
  }
  fmt::print(live.feedback,
             "your strokes land {:.1f} ms {} the click (median of {} strokes, {} left out)\n",
             std::abs(calibration->offset_ms), calibration->offset_ms >= 0 ? "after" : "before",
             calibration->used, calibration->rejected);
  return calibration;
}

}  // namespace pocket
