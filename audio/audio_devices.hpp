#pragma once

#include <string>
#include <vector>

namespace pocket {

// Hides what libjack and alsa-lib print on their own when no server or device answers:
// pocket says what matters in a line of its own. [main-thread]
void quiet_audio_libraries();

// Keeps PortAudio initialized while alive. Tells JACK its client name first.
class PortAudioSession {
 public:
  PortAudioSession();  // throws std::runtime_error
  ~PortAudioSession();
  PortAudioSession(const PortAudioSession&) = delete;
  PortAudioSession& operator=(const PortAudioSession&) = delete;
  // The audio server went away under an open stream: do not shut PortAudio down (it would
  // wait for that stream); the program is about to end anyway.
  void abandon() { abandoned_ = true; }

 private:
  bool abandoned_ = false;
};

struct AudioDevice {
  int index = -1;
  std::string name;
  std::string host_api;
  int output_channels = 0;
  double default_low_latency_seconds = 0.0;
  double default_high_latency_seconds = 0.0;
  bool is_default = false;
};

// [main-thread] Output devices of every host API. Needs a PortAudioSession.
std::vector<AudioDevice> output_devices();

// The device whose host API contains `host_api` and whose name is `device`, else the first
// whose name contains it (case-insensitive; empty matches anything); with both empty, the
// default output device. Throws std::runtime_error listing the
// devices when none matches.
AudioDevice find_output_device(const std::string& host_api, const std::string& device);

}  // namespace pocket
