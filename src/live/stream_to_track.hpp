#pragma once

#include <cmath>

#include "audio/click_engine.hpp"

namespace pocket {

// Turns times on the stream's clock into seconds of the click track, through the latest
// anchor the audio thread sent. [session thread]
class StreamToTrack {
 public:
  // `correction_seconds`: the player's loop offset and the kit's input latency, taken off each
  // stroke.
  StreamToTrack(double rate, double correction_seconds)
      : rate_(rate), correction_(correction_seconds) {}
  void update(const AudioAnchor& anchor) {
    anchor_ = anchor;
    has_anchor_ = true;
  }
  bool ready() const { return has_anchor_; }
  // A stroke's time, corrected and put on the frame it lands on.
  double seconds(double stream_time) const {
    const double frame = static_cast<double>(anchor_.frame) +
                         std::round((stream_time - correction_ - anchor_.dac_time) * rate_);
    return frame / rate_;
  }
  // Now, as heard.
  double now(double stream_time) const {
    return (static_cast<double>(anchor_.frame) + (stream_time - anchor_.dac_time) * rate_) / rate_;
  }

 private:
  double rate_;
  double correction_;
  AudioAnchor anchor_;
  bool has_anchor_ = false;
};

}  // namespace pocket
