#include "schedule.hpp"

#include <cmath>
#include <stdexcept>

#include <fmt/format.h>

namespace pocket {

namespace {

TempoMap with_count_in(const TempoMap& drill, int count_in_bars) {
  std::vector<TempoSection> sections;
  const TempoSection& first = drill.sections().front();
  if (count_in_bars > 0) {
    sections.push_back({first.meter, count_in_bars, first.start_bpm, first.start_bpm});
  }
  sections.insert(sections.end(), drill.sections().begin(), drill.sections().end());
  return TempoMap(std::move(sections));
}

}  // namespace

Schedule::Schedule(const TempoMap& drill, ClickPattern pattern, double sample_rate, Swing swing)
    : map_((validate(pattern), with_count_in(drill, pattern.count_in_bars))),
      pattern_(std::move(pattern)),
      swing_(swing),
      sample_rate_(sample_rate) {
  if (!(sample_rate >= 8000.0 && sample_rate <= 384000.0)) {
    throw std::invalid_argument(
        fmt::format("sample rate {:g} Hz is out of range: use 8000 to 384000", sample_rate));
  }
  for (const TempoSection& section : map_.sections()) {
    accents_.push_back(accents_for(pattern_, 0, 1, section.meter.beats));
  }
}

std::int64_t Schedule::frame_at(std::int64_t bar, double beat) const {
  return std::llround(sample_rate_ * map_.seconds_at(bar + pattern_.count_in_bars, beat));
}

bool gap_muted(const GapPattern& gap, std::int64_t bar) {
  if (bar < 0 || !gap.active()) return false;
  return bar % (gap.play_bars + gap.mute_bars) >= gap.play_bars;
}

ClickEvent make_click(char accent_mark, MuteReason bar_mute, std::int64_t bar, int beat,
                      int subdivision, std::int64_t frame) {
  ClickEvent event;
  event.frame = frame;
  event.bar = bar;
  event.beat = beat;
  event.subdivision = subdivision;
  event.level = subdivision > 0      ? ClickLevel::subdivision
                : accent_mark == 'X' ? ClickLevel::accent
                                     : ClickLevel::beat;
  event.muted_by = bar_mute != MuteReason::none             ? bar_mute
                   : subdivision == 0 && accent_mark == '.' ? MuteReason::rest
                                                            : MuteReason::none;
  event.audible = event.muted_by == MuteReason::none;
  return event;
}

bool Schedule::is_muted(std::int64_t bar) const { return gap_muted(pattern_.gap, bar); }

ClickEvent Schedule::click_at(std::int64_t bar, int beat, int subdivision) const {
  const char mark =
      accents_[map_.section_of(bar + pattern_.count_in_bars)][static_cast<std::size_t>(beat)];
  const MuteReason mute = is_muted(bar) ? MuteReason::gap
                          : randomly_muted(pattern_.random_mute, bar, beat, subdivision)
                              ? MuteReason::random
                              : MuteReason::none;
  const double straight = beat + static_cast<double>(subdivision) / pattern_.subdivision;
  const int unit = map_.meter_of(bar + pattern_.count_in_bars).unit;
  return make_click(mark, mute, bar, beat, subdivision,
                    frame_at(bar, swung_beat(swing_, straight, unit)));
}

Schedule::Cursor::Cursor(const Schedule& schedule)
    : schedule_(&schedule), bar_(schedule.first_bar()) {
  load();
}

void Schedule::Cursor::advance() {
  if (++subdivision_ < schedule_->pattern_.subdivision) return load();
  subdivision_ = 0;
  if (++beat_ < beats_in_bar_) return load();
  beat_ = 0;
  ++bar_;
  load();
}

void Schedule::Cursor::load() {
  if (done()) return;
  beats_in_bar_ = schedule_->map_.meter_of(bar_ + schedule_->pattern_.count_in_bars).beats;
  event_ = schedule_->click_at(bar_, beat_, subdivision_);
}

}  // namespace pocket
