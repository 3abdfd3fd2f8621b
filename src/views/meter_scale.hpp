#pragma once

#include <string>

namespace pocket {

// The live view's early/late meter: -50 ms at the left edge, +50 ms at the right, 0 in the
// middle; strokes further out sit on the edge.
inline constexpr double kMeterRangeMs = 50.0;

// How close a stroke was: within 10 ms, within 25 ms, or further.
enum class Band { tight, close, loose };
Band band_of(double offset_ms);

class MeterScale {
 public:
  // At least 11 columns; an even width loses its last column so that 0 is in the middle.
  explicit MeterScale(int width);
  int width() const { return width_; }
  int column(double offset_ms) const;
  // The empty meter: '-' with '+' at 0, ':' at +-10 ms and '|' at +-25 ms.
  std::string track() const;

 private:
  int width_;
};

}  // namespace pocket
