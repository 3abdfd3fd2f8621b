#include "click_stream.hpp"

#include <algorithm>
#include <chrono>
#include <stdexcept>
#include <thread>

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
    : schedule_(schedule),
      mixer_(schedule, sound),
      device_(find_output_device(settings.host_api, settings.device)),
      sample_rate_(settings.sample_rate),
      mono_(kMaxBlock) {
  mixer_.set_listener(this);
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
  if (stream_ != nullptr && !abandoned_.load(std::memory_order_relaxed)) {
    Pa_AbortStream(stream_);
    Pa_CloseStream(stream_);
  }
}

void ClickStream::abandon() {
  abandoned_.store(true, std::memory_order_relaxed);
  // With the server gone no callback starts again, but one that was running when it died may
  // still be returning, and nothing else orders it before the destructor frees its buffers:
  // stopping the stream is what would, and that is not possible any more. The callback takes
  // well under a millisecond.
  for (int i = 0; i < 1000 && in_callback_.load(std::memory_order_acquire); ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
}

void ClickStream::start() { check(Pa_StartStream(stream_), "cannot start the audio stream"); }

void ClickStream::stop() {
  if (!abandoned_.load(std::memory_order_relaxed) && Pa_IsStreamStopped(stream_) == 0)
    Pa_StopStream(stream_);
}

bool ClickStream::running() const {
  return !abandoned_.load(std::memory_order_relaxed) &&
         !finished_.load(std::memory_order_acquire) && Pa_IsStreamActive(stream_) == 1;
}

double ClickStream::output_latency_seconds() const {
  const PaStreamInfo* info = Pa_GetStreamInfo(stream_);
  return info != nullptr ? info->outputLatency : 0.0;
}

double ClickStream::stream_time() const { return Pa_GetStreamTime(stream_); }

bool ClickStream::request_tempo(std::int64_t bar, double bpm) {
  return requests_.push({ScheduleRequest::Kind::tempo, bar, 0, bpm});
}

bool ClickStream::request_silence(std::int64_t from_bar, std::int64_t to_bar) {
  return requests_.push({ScheduleRequest::Kind::silence, from_bar, to_bar, 0.0});
}

bool ClickStream::request_end_silence(std::int64_t bar) {
  return requests_.push({ScheduleRequest::Kind::end_silence, bar, 0, 0.0});
}

bool ClickStream::request_pause(std::int64_t bar) {
  return requests_.push({ScheduleRequest::Kind::pause, bar, 0, 0.0});
}

bool ClickStream::request_resume(double lead_seconds) {
  return requests_.push({ScheduleRequest::Kind::resume, 0, 0, lead_seconds});
}

template <typename Queue, typename Item>
void ClickStream::publish(Queue& queue, const Item& item) {
  if (!queue.push(item)) dropped_.fetch_add(1, std::memory_order_relaxed);
}

void ClickStream::on_click(const ClickEvent& click) { publish(clicks_, click); }

bool ClickStream::process(float* interleaved, unsigned long frames, double dac_time,
                          bool underflow) {
  // Marks the callback as running for abandon(); released on every return.
  struct Running {
    std::atomic<bool>& flag;
    explicit Running(std::atomic<bool>& f) : flag(f) { flag.store(true); }
    ~Running() { flag.store(false, std::memory_order_release); }
  } in_callback(in_callback_);
  callbacks_.fetch_add(1, std::memory_order_relaxed);
  if (underflow) underflows_.fetch_add(1, std::memory_order_relaxed);
  std::int64_t sections = schedule_.sections_started();
  bool holding = schedule_.holding();
  if (finish_requested_.load(std::memory_order_acquire)) schedule_.finish_after_current_bar();
  for (ScheduleRequest r; requests_.pop(r);) {
    switch (r.kind) {
      case ScheduleRequest::Kind::tempo: schedule_.change_tempo(r.bar, r.value); break;
      case ScheduleRequest::Kind::silence: schedule_.silence(r.bar, r.to_bar); break;
      case ScheduleRequest::Kind::end_silence: schedule_.end_silence(r.bar); break;
      case ScheduleRequest::Kind::pause: schedule_.pause(r.bar); break;
      case ScheduleRequest::Kind::resume:
        schedule_.resume(static_cast<double>(mixer_.position()) / sample_rate_ + r.value);
        break;
    }
  }

  publish(anchors_, AudioAnchor{mixer_.position(), dac_time});
  for (unsigned long done = 0; done < frames;) {
    const auto block = static_cast<std::size_t>(std::min<unsigned long>(frames - done, kMaxBlock));
    mixer_.render(std::span<float>(mono_.data(), block));
    for (std::size_t i = 0; i < block; ++i) {
      for (int c = 0; c < channels_; ++c) interleaved[(done + i) * channels_ + c] = mono_[i];
    }
    done += block;
    const LiveSchedule::Section& s = schedule_.section();
    if (schedule_.sections_started() != sections) {  // a tempo change or a resume took effect
      sections = schedule_.sections_started();
      publish(sections_, SectionStart{s.first_bar, s.start_seconds, s.bpm});
    }
    if (schedule_.holding() && !holding) {
      const std::int64_t bar = schedule_.current().bar;
      publish(sections_, SectionStart{bar, schedule_.seconds_at(bar, 0.0), s.bpm, true});
    }
    holding = schedule_.holding();
  }
  if (mixer_.finished()) {
    finished_.store(true, std::memory_order_release);
    return false;
  }
  return true;
}

}  // namespace pocket
