#include "stroke_filter.hpp"

#include <limits>

namespace pocket {

StrokeFilter::StrokeFilter(const DrumMap& map, double double_trigger_ms)
    : map_(map), window_seconds_(double_trigger_ms / 1000.0) {
  last_seconds_.fill(-std::numeric_limits<double>::infinity());
}

StrokeFilter::Result StrokeFilter::note_on(double seconds, int note, int velocity, Stroke& stroke) {
  // Data bytes are 7 bits: anything else is a malformed message (JACK passes on whatever bytes
  // another client wrote), not a stroke with a velocity no kit can send.
  if (velocity <= 0 || velocity > 127 || note < 0 || note > 127) return Result::ignored;
  const int pad = map_.pad_of(note);
  if (pad < 0) return Result::unmapped;
  const bool pedal = map_.articulation_of(note) == "pedal";
  double& last = last_seconds_[static_cast<std::size_t>(pad + (pedal ? DrumMap::kMaxPads : 0))];
  // 10 ms or more after the pad's last stroke is a stroke: a nanosecond's grace, so that two
  // stream times a whole window of frames apart never fall short of it by rounding.
  if (seconds - last < window_seconds_ - 1e-9) {
    ++double_triggers_;
    return Result::double_trigger;
  }
  last = seconds;
  stroke = {seconds, pad, velocity};
  return Result::stroke;
}

void StrokeFilter::control_change(int controller, int value) {
  if (value < 0 || value > 127) return;  // not a MIDI data byte: keep the pedal where it was
  if (controller == map_.hihat_pedal_controller()) hihat_pedal_ = value;
}

}  // namespace pocket
