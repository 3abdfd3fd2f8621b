#include "audio_devices.hpp"

#include <algorithm>
#include <stdexcept>

#include <alsa/asoundlib.h>
#include <fmt/format.h>
#include <jack/jack.h>
#include <pa_jack.h>
#include <portaudio.h>
#include "core/errors.hpp"

namespace pocket {

namespace {

std::string lower(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(),
                 [](unsigned char c) { return std::tolower(c); });
  return text;
}

bool contains(const std::string& text, const std::string& part) {
  return lower(text).find(lower(part)) != std::string::npos;
}

std::string device_list(const std::vector<AudioDevice>& devices) {
  if (devices.empty()) return "no audio output devices were found (is a sound server running?)";
  std::string list = "available output devices:";
  for (const AudioDevice& d : devices) list += fmt::format("\n  {} / {}", d.host_api, d.name);
  return list;
}

}  // namespace

namespace {
// ALSA's library prints every device it probes and cannot open, and libjack every attempt
// to reach a server that is not running; pocket reports what matters in its own words.
void quiet_alsa(const char*, int, const char*, int, const char*, ...) {}
void quiet_jack(const char*) {}
}  // namespace

void quiet_audio_libraries() {
  snd_lib_error_set_handler(quiet_alsa);
  jack_set_error_function(quiet_jack);
  jack_set_info_function(quiet_jack);
}

PortAudioSession::PortAudioSession() {
  quiet_audio_libraries();
  PaJack_SetClientName("pocket");
  if (const PaError error = Pa_Initialize(); error != paNoError) {
    throw DeviceError(fmt::format("cannot start audio: {}", Pa_GetErrorText(error)));
  }
}

PortAudioSession::~PortAudioSession() {
  if (!abandoned_) Pa_Terminate();
}

std::vector<AudioDevice> output_devices() {
  std::vector<AudioDevice> devices;
  const PaDeviceIndex default_output = Pa_GetDefaultOutputDevice();
  for (PaDeviceIndex i = 0; i < Pa_GetDeviceCount(); ++i) {
    const PaDeviceInfo* info = Pa_GetDeviceInfo(i);
    if (info == nullptr || info->maxOutputChannels <= 0) continue;
    const PaHostApiInfo* api = Pa_GetHostApiInfo(info->hostApi);
    devices.push_back({i, info->name, api != nullptr ? api->name : "?", info->maxOutputChannels,
                       info->defaultLowOutputLatency, info->defaultHighOutputLatency,
                       i == default_output});
  }
  return devices;
}

AudioDevice find_output_device(const std::string& host_api, const std::string& device) {
  const std::vector<AudioDevice> devices = output_devices();
  if (host_api.empty() && device.empty()) {
    for (const AudioDevice& d : devices) {
      if (d.is_default) return d;
    }
    throw DeviceError("no default audio output device: " + device_list(devices));
  }
  // An exact name first: "default" must not pick "sysdefault", listed before it.
  for (const AudioDevice& d : devices) {
    if (contains(d.host_api, host_api) && lower(d.name) == lower(device)) return d;
  }
  for (const AudioDevice& d : devices) {
    if (contains(d.host_api, host_api) && contains(d.name, device)) return d;
  }
  throw DeviceError(fmt::format("no audio output device matches '{}{}{}': {}", host_api,
                                host_api.empty() || device.empty() ? "" : " / ", device,
                                device_list(devices)));
}

}  // namespace pocket
