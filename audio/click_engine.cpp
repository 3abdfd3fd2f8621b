#include "click_engine.hpp"

#include <algorithm>
#include <cmath>
#include <span>

namespace pocket {

ClickEngine::ClickEngine(LiveSchedule& schedule, const ClickSound& sound, double sample_rate)
    : schedule_(schedule), mixer_(schedule, sound), sample_rate_(sample_rate) {
  mixer_.set_listener(this);
}

bool ClickEngine::request_tempo(std::int64_t bar, double bpm) {
  return requests_.push({ScheduleRequest::Kind::tempo, bar, 0, bpm});
}

bool ClickEngine::request_silence(std::int64_t from_bar, std::int64_t to_bar) {
  return requests_.push({ScheduleRequest::Kind::silence, from_bar, to_bar, 0.0});
}

bool ClickEngine::request_end_silence(std::int64_t bar) {
  return requests_.push({ScheduleRequest::Kind::end_silence, bar, 0, 0.0});
}

bool ClickEngine::request_pause(std::int64_t bar) {
  return requests_.push({ScheduleRequest::Kind::pause, bar, 0, 0.0});
}

bool ClickEngine::request_resume(double lead_seconds) {
  return requests_.push({ScheduleRequest::Kind::resume, 0, 0, lead_seconds});
}

bool ClickEngine::request_resume_at(double at_seconds) {
  return requests_.push({ScheduleRequest::Kind::resume_at, 0, 0, at_seconds});
}

template <typename Queue, typename Item>
void ClickEngine::publish(Queue& queue, const Item& item) {
  if (!queue.push(item)) dropped_.fetch_add(1, std::memory_order_relaxed);
}

void ClickEngine::on_click(const ClickEvent& click) { publish(clicks_, click); }

void ClickEngine::take_requests() {
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
      case ScheduleRequest::Kind::resume_at:
        // Never before the next frame rendered: a click is not played in the past.
        schedule_.resume(std::max(static_cast<double>(mixer_.position()) / sample_rate_, r.value));
        break;
    }
  }
}

bool ClickEngine::render(float* left, std::size_t frames, double dac_time, int underflows,
                         float* right) {
  callbacks_.fetch_add(1, std::memory_order_relaxed);
  if (underflows > 0) underflows_.fetch_add(underflows, std::memory_order_relaxed);
  std::int64_t sections = schedule_.sections_started();
  bool holding = schedule_.holding();
  take_requests();
  publish(anchors_, AudioAnchor{mixer_.position(), dac_time});
  for (std::size_t done = 0; done < frames;) {
    const std::size_t block = std::min(frames - done, kMaxBlock);
    const std::int64_t first = mixer_.position();
    mixer_.render(std::span<float>(left + done, block));
    done += block;
    const LiveSchedule::Section& s = schedule_.section();
    if (schedule_.sections_started() != sections) {  // a tempo change or a resume took effect
      sections = schedule_.sections_started();
      publish(sections_, SectionStart{s.first_bar, s.start_seconds, s.bpm});
      if (song_ != nullptr) song_->resume_at(std::llround(s.start_seconds * sample_rate_));
    }
    if (schedule_.holding() && !holding) {
      const std::int64_t bar = schedule_.current().bar;
      publish(sections_, SectionStart{bar, schedule_.seconds_at(bar, 0.0), s.bpm, true});
      if (song_ != nullptr)
        song_->hold_from(std::llround(schedule_.seconds_at(bar, 0.0) * sample_rate_));
    }
    holding = schedule_.holding();
    mix_click_and_song(left + done - block, right != nullptr ? right + done - block : nullptr,
                       block, first, click_gain_, song_);
  }
  // A song plays on to the last bar line, past the last click's ring (the clicks are done:
  // the last bar is known).
  const auto song_on = [&] {
    return song_ != nullptr && !song_->finished() &&
           static_cast<double>(mixer_.position()) <
               schedule_.seconds_at(schedule_.end_bar(), 0.0) * sample_rate_;
  };
  if (mixer_.finished() && !song_on()) {
    finished_.store(true, std::memory_order_release);
    return false;
  }
  return true;
}

}  // namespace pocket
