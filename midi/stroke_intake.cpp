#include "stroke_intake.hpp"

namespace pocket {

StrokeIntake::StrokeIntake(const DrumMap& map, double double_trigger_ms)
    : filter_(map, double_trigger_ms) {}

void StrokeIntake::on_message(const unsigned char* bytes, std::size_t size, double seconds) {
  if (size < 3) return;
  const unsigned char kind = bytes[0] & 0xf0;
  if (kind == 0xb0) {
    filter_.control_change(bytes[1], bytes[2]);
    return;
  }
  if (kind != 0x90) return;
  Stroke stroke;
  switch (filter_.note_on(seconds, bytes[1], bytes[2], stroke)) {
    case StrokeFilter::Result::stroke:
      if (!strokes_.push(stroke)) dropped_.fetch_add(1, std::memory_order_relaxed);
      break;
    case StrokeFilter::Result::double_trigger:
      double_triggers_.fetch_add(1, std::memory_order_relaxed);
      break;
    case StrokeFilter::Result::unmapped:
      unmapped_[bytes[1] & 0x7f].fetch_add(1, std::memory_order_relaxed);
      break;
    case StrokeFilter::Result::ignored: break;
  }
}

std::map<int, std::int64_t> StrokeIntake::unmapped_notes() const {
  std::map<int, std::int64_t> notes;
  for (std::size_t note = 0; note < unmapped_.size(); ++note) {
    const std::int64_t count = unmapped_[note].load(std::memory_order_relaxed);
    if (count > 0) notes[static_cast<int>(note)] = count;
  }
  return notes;
}

}  // namespace pocket
