#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "audio_devices.hpp"
#include "callback_guard.hpp"
#include "click_output.hpp"

typedef void PaStream;

namespace pocket {

struct StreamSettings {
  std::string host_api;  // empty: any
  std::string device;    // empty: the default output device
  double sample_rate = 48000.0;
  int buffer_frames = 128;
};

// The real-time click through PortAudio: an output stream whose callback renders a ClickEngine.
class ClickStream final : public ClickOutput {
 public:
  // [main-thread] Opens the device (throws std::runtime_error listing the devices when it
  // is unknown). Schedule and sound must outlive the stream. Needs a PortAudioSession.
  ClickStream(LiveSchedule& schedule, const ClickSound& sound, const StreamSettings& settings);
  ~ClickStream() override;
  ClickStream(const ClickStream&) = delete;
  ClickStream& operator=(const ClickStream&) = delete;

  ClickEngine& click() override { return engine_; }
  void start() override;
  void stop() override;
  void abandon() override;
  bool running() const override;
  std::string device_label() const override { return device_.host_api + " / " + device_.name; }
  double output_latency_seconds() const override;
  int buffer_frames() const override { return buffer_frames_; }
  double stream_time() const override;
  CallbackDurations callback_durations() const override;

  // [audio-thread] Renders one buffer; public so that tests can drive it without a device.
  // Returns true while the click goes on; silence and false once the stream was abandoned.
  bool process(float* interleaved, unsigned long frames, double dac_time, bool underflow);

 private:
  // Buffers longer than this are rendered in parts.
  static constexpr std::size_t kMaxBlock = 4096;

  ClickEngine engine_;
  AudioDevice device_;
  int channels_ = 2;
  int buffer_frames_;
  double sample_rate_;
  PaStream* stream_ = nullptr;
  std::vector<float> mono_;  // the left channel, or the only one
  std::vector<float> right_;
  CallbackTimer timer_;
  CallbackGuard callback_guard_;
};

}  // namespace pocket
