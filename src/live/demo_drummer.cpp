#include "live/demo_drummer.hpp"

#include <algorithm>
#include <chrono>

namespace pocket {

namespace {
constexpr int kKick = 36;
constexpr int kSnare = 38;
constexpr int kVelocity = 100;
}  // namespace

DemoDrummer::DemoDrummer(std::string midi_api, std::string port, HumanTiming timing)
    : midi_api_(std::move(midi_api)), port_(std::move(port)), human_(timing) {}

void DemoDrummer::started(const SessionStarted&) {
  out_.emplace(midi_api_, port_, "pocket-demo-drummer");
  player_ = std::thread([this] { play(); });
}

DemoDrummer::~DemoDrummer() { stop(); }

void DemoDrummer::click_coming(const ClickEvent& click, double click_seconds, double now_seconds) {
  if (click.subdivision != 0 || !out_) return;
  const auto heard = Clock::now() + std::chrono::duration_cast<Clock::duration>(
                                        std::chrono::duration<double>(click_seconds - now_seconds));
  std::lock_guard lock(mutex_);
  // A stroke aimed at this beat and not played yet moves with the click.
  for (Planned& p : plan_) {
    if (p.bar == click.bar && p.beat == click.beat) {
      p.at = heard + std::chrono::duration_cast<Clock::duration>(
                         std::chrono::duration<double, std::milli>(p.offset_ms));
    }
  }
  if (last_click_) {
    const auto interval = heard - *last_click_;
    const double bpm = 60.0 / std::chrono::duration<double>(interval).count();
    const bool last_beat = click.beat + 1 == beats_in_bar_;
    const std::int64_t next_bar = last_beat ? click.bar + 1 : click.bar;
    // The count-in is for listening: the first stroke is on bar 1.
    if (next_bar >= 0) {
      Planned next{next_bar,
                   last_beat ? 0 : click.beat + 1,
                   human_.next_offset_ms(bpm),
                   {},
                   strokes_++ % 2 == 0 ? kKick : kSnare};
      next.at = heard + interval +
                std::chrono::duration_cast<Clock::duration>(
                    std::chrono::duration<double, std::milli>(next.offset_ms));
      plan_.push_back(next);
    }
  }
  last_click_ = heard;
  changed_.notify_one();
}

void DemoDrummer::play() {
  std::unique_lock lock(mutex_);
  while (!stopping_) {
    if (plan_.empty()) {
      changed_.wait(lock);
      continue;
    }
    const auto first = std::min_element(
        plan_.begin(), plan_.end(), [](const Planned& a, const Planned& b) { return a.at < b.at; });
    if (Clock::now() < first->at) {
      changed_.wait_until(lock, first->at);
      continue;
    }
    const int note = first->note;
    plan_.erase(first);
    lock.unlock();
    out_->strike(note, kVelocity);
    lock.lock();
  }
}

void DemoDrummer::stop() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  changed_.notify_one();
  if (player_.joinable()) player_.join();
}

}  // namespace pocket
