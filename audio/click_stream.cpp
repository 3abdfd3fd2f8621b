#include "click_stream.hpp"

#include <algorithm>
#include <stdexcept>

#include <fmt/format.h>
#include <portaudio.h>
#include "core/errors.hpp"
#include "core/realtime_probe.hpp"

namespace pocket {

namespace {

int audio_callback(const void*, void* output, unsigned long frames,
                   const PaStreamCallbackTimeInfo* time, PaStreamCallbackFlags status, void* user) {
  const RealtimeProbeScope probe;
  auto* stream = static_cast<ClickStream*>(user);
  const bool going_on =
      stream->process(static_cast<float*>(output), frames, time->outputBufferDacTime,
                      (status & paOutputUnderflow) != 0);
  return going_on ? paContinue : paComplete;
}

void check(PaError error, const char* what) {
  if (error != paNoError) throw DeviceError(fmt::format("{}: {}", what, Pa_GetErrorText(error)));
}

}  // namespace

ClickStream::ClickStream(LiveSchedule& schedule, const ClickSound& sound,
                         const StreamSettings& settings)
    : engine_(schedule, sound, settings.sample_rate),
      device_(find_output_device(settings.host_api, settings.device)),
      buffer_frames_(settings.buffer_frames),
      sample_rate_(settings.sample_rate),
      mono_(kMaxBlock),
      right_(kMaxBlock) {
  channels_ = std::min(device_.output_channels, 2);
  PaStreamParameters output{};
  output.device = device_.index;
  output.channelCount = channels_;
  output.sampleFormat = paFloat32;
  output.suggestedLatency = device_.default_low_latency_seconds;
  check(Pa_OpenStream(&stream_, nullptr, &output, settings.sample_rate,
                      static_cast<unsigned long>(settings.buffer_frames), paNoFlag, audio_callback,
                      this),
        "cannot open the audio device");
}

ClickStream::~ClickStream() {
  if (stream_ != nullptr && !callback_guard_.abandoned()) {
    Pa_AbortStream(stream_);
    Pa_CloseStream(stream_);
  }
}

void ClickStream::abandon() { callback_guard_.abandon(); }

void ClickStream::start() { check(Pa_StartStream(stream_), "cannot start the audio stream"); }

void ClickStream::stop() {
  if (!callback_guard_.abandoned() && Pa_IsStreamStopped(stream_) == 0) Pa_StopStream(stream_);
}

bool ClickStream::running() const {
  return !callback_guard_.abandoned() && !engine_.finished() && Pa_IsStreamActive(stream_) == 1;
}

double ClickStream::output_latency_seconds() const {
  const PaStreamInfo* info = Pa_GetStreamInfo(stream_);
  return info != nullptr ? info->outputLatency : 0.0;
}

double ClickStream::stream_time() const { return Pa_GetStreamTime(stream_); }

CallbackDurations ClickStream::callback_durations() const {
  return timer_.durations(1e6 * buffer_frames_ / sample_rate_);
}

bool ClickStream::process(float* interleaved, unsigned long frames, double dac_time,
                          bool underflow) {
  const CallbackGuard::Entry callback(callback_guard_);
  if (callback.abandoned()) {
    std::fill(interleaved, interleaved + frames * static_cast<unsigned long>(channels_), 0.0f);
    return false;
  }
  const CallbackTimer::Scope timing(timer_);
  bool going_on = true;
  for (unsigned long done = 0; done < frames;) {
    const auto part = static_cast<std::size_t>(std::min<unsigned long>(frames - done, kMaxBlock));
    float* right = channels_ > 1 ? right_.data() : nullptr;
    if (going_on) {
      going_on =
          engine_.render(mono_.data(), part, dac_time + static_cast<double>(done) / sample_rate_,
                         done == 0 && underflow ? 1 : 0, right);
    } else {
      std::fill(mono_.begin(), mono_.begin() + static_cast<std::ptrdiff_t>(part), 0.0f);
      std::fill(right_.begin(), right_.begin() + static_cast<std::ptrdiff_t>(part), 0.0f);
    }
    for (std::size_t i = 0; i < part; ++i) {
      interleaved[(done + i) * channels_] = mono_[i];
      if (right != nullptr) interleaved[(done + i) * channels_ + 1] = right_[i];
    }
    done += part;
  }
  return going_on;
}

}  // namespace pocket
