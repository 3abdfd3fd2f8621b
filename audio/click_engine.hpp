#pragma once

#include <atomic>
#include <cstddef>
#include <cstdint>

#include <boost/lockfree/spsc_queue.hpp>

#include "click_mixer.hpp"
#include "core/live_schedule.hpp"
#include "song_mixer.hpp"

namespace pocket {

// The first frame of a buffer and the stream time at which it reaches the DAC: how the other
// threads turn stream times into frames.
struct AudioAnchor {
  std::int64_t frame = 0;
  double dac_time = 0.0;
};

// A new tempo section, or, with `held`, the click holding at the bar line of `first_bar`
// (`start_seconds` is then when that bar line would have sounded).
struct SectionStart {
  std::int64_t first_bar = 0;
  double start_seconds = 0.0;
  double bpm = 0.0;
  bool held = false;
};

// The click of a live session, whatever device plays it: renders a LiveSchedule through the
// same mixer as the offline renderer. Tempo changes and silences come in, anchors, clicks and
// tempo sections go out, all through lock-free single-producer queues.
class ClickEngine final : private ClickListener {
 public:
  // [main-thread] Schedule and sound must outlive the engine.
  ClickEngine(LiveSchedule& schedule, const ClickSound& sound, double sample_rate);
  ClickEngine(const ClickEngine&) = delete;
  ClickEngine& operator=(const ClickEngine&) = delete;

  // [main-thread] Before the stream starts: a song played along with the click, held where the
  // click holds (it must outlive the engine), and the click's own gain (0: left out).
  void attach_song(SongMixer* song) { song_ = song; }
  void set_click_gain(float gain) { click_gain_ = gain; }

  // [one control thread] Play `bpm` from the bar line of `bar`. False if the queue is full.
  bool request_tempo(std::int64_t bar, double bpm);
  // [one control thread] Silence the drill's clicks from `from_bar` up to `to_bar`
  // (INT64_MAX: until told), or end the silence at `bar` (see LiveSchedule). False if the
  // queue is full.
  bool request_silence(std::int64_t from_bar, std::int64_t to_bar);
  bool request_end_silence(std::int64_t bar);
  // [one control thread] Hold the click at the bar line of `bar` (see LiveSchedule::pause),
  // or go on, the held bar starting `lead_seconds` after the buffer that takes the request.
  bool request_pause(std::int64_t bar);
  bool request_resume(double lead_seconds);
  // [one control thread] Go on, the held bar starting `at_seconds` into the click track (at
  // once when that has gone by): a resume timed from a key or a stroke the session has timed.
  bool request_resume_at(double at_seconds);
  // [any thread] End the click at the next bar line.
  void request_finish() { finish_requested_.store(true, std::memory_order_release); }

  // [one reader thread] Drain what the audio thread published.
  bool pop_anchor(AudioAnchor& anchor) { return anchors_.pop(anchor); }
  bool pop_click(ClickEvent& click) { return clicks_.pop(click); }
  bool pop_section(SectionStart& section) { return sections_.pop(section); }

  // [any thread] True once the click has played to its end.
  bool finished() const { return finished_.load(std::memory_order_acquire); }
  // [any thread] Buffers the audio device had to play without our data.
  std::int64_t underflows() const { return underflows_.load(std::memory_order_relaxed); }
  // [any thread] Records dropped because a reader fell behind.
  std::int64_t dropped_records() const { return dropped_.load(std::memory_order_relaxed); }
  // [any thread] Buffers rendered so far.
  std::int64_t callbacks() const { return callbacks_.load(std::memory_order_relaxed); }

  // [audio-thread] Renders one buffer of click into `left` and, when not null, `right`, with
  // the song if there is one (into `left` alone as mono when `right` is null); its first frame
  // reaches the DAC at `dac_time` on the stream clock; `underflows`: buffers the device played
  // without data since the last call. Returns true while the click goes on.
  bool render(float* left, std::size_t frames, double dac_time, int underflows,
              float* right = nullptr);

 private:
  // A change for the schedule, handed from the control thread to the audio thread.
  struct ScheduleRequest {
    enum class Kind : std::uint8_t { tempo, silence, end_silence, pause, resume, resume_at } kind;
    std::int64_t bar;
    std::int64_t to_bar;  // silence only
    double value;         // tempo: the BPM; resume: the lead in seconds; resume_at: the time
  };
  static constexpr std::size_t kQueueSize = 8192;
  // A new section is looked for after each block of at most this many frames: shorter than
  // any bar, so that two changes in one long buffer are both told.
  static constexpr std::size_t kMaxBlock = 4096;

  void on_click(const ClickEvent& click) override;
  void take_requests();
  template <typename Queue, typename Item>
  void publish(Queue& queue, const Item& item);

  LiveSchedule& schedule_;
  ClickMixer mixer_;
  SongMixer* song_ = nullptr;
  float click_gain_ = 1.0f;
  double sample_rate_;
  boost::lockfree::spsc_queue<ScheduleRequest, boost::lockfree::capacity<64>> requests_;
  boost::lockfree::spsc_queue<AudioAnchor, boost::lockfree::capacity<kQueueSize>> anchors_;
  boost::lockfree::spsc_queue<ClickEvent, boost::lockfree::capacity<kQueueSize>> clicks_;
  boost::lockfree::spsc_queue<SectionStart, boost::lockfree::capacity<64>> sections_;
  std::atomic<bool> finish_requested_{false};
  std::atomic<bool> finished_{false};
  std::atomic<std::int64_t> underflows_{0};
  std::atomic<std::int64_t> dropped_{0};
  std::atomic<std::int64_t> callbacks_{0};
};

}  // namespace pocket
