#include "session_song.hpp"

#include <algorithm>

#include "audio/click_engine.hpp"

namespace pocket {

namespace {
// Passes of a looped section, and bars, read ahead of the bar being heard: well over the ring's
// 0.7 s however short the section.
constexpr std::int64_t kPassesAhead = 2;
constexpr std::int64_t kBarsAhead = 2;
}  // namespace

SessionSong::SessionSong(const BackingOptions& options, const LiveSchedule& schedule,
                         double sample_rate)
    : song_bpm_(schedule.section().bpm / options.speed) {
  const double bar_seconds =
      (schedule.seconds_at(1, 0.0) - schedule.seconds_at(0, 0.0)) * options.speed;
  // The session's bar 0 is the song's first bar line, or its section's.
  const double first_bar =
      options.first_bar_seconds + std::max(0, options.section_from - 1) * bar_seconds;
  const double on_track = schedule.seconds_at(0, 0.0);
  const SongPlacement place = place_song(first_bar, on_track, options.speed, sample_rate);
  plan_.emplace(SongPlan::Settings{first_bar, bar_seconds, options.speed, on_track, sample_rate,
                                   place.origin, options.section_bars});
  auto source = std::make_unique<SongSource>(
      SongSettings{options.file, sample_rate, options.speed, place.start_seconds});
  result_ = {options.file,         options.speed,       options.first_bar_seconds,
             source->file_rate(),  source->resampled(), 0,
             options.section_from, options.section_bars};
  stream_ = std::make_unique<SongStream>(std::move(source));
  mixer_.emplace(*stream_, gain_of_db(options.gain_db), place.origin);
  keep_ahead(0);
}

void SessionSong::tempo_from(std::int64_t bar, double bpm) {
  for (const SongTurn& turn : plan_->turns_before(bar)) stream_->turn(turn);  // in order
  if (const auto turn = plan_->speed_from(bar, bpm / song_bpm_)) stream_->turn(*turn);
}

void SessionSong::read_up_to(std::int64_t bar) {
  ladder_limit_ = bar;
  limit_reading();
}

void SessionSong::read_on() {
  ladder_limit_ = kNoBar;
  limit_reading();
}

void SessionSong::keep_ahead(std::int64_t heard_bar) {
  if (!plan_->loops()) return;
  const std::int64_t ahead =
      std::max<std::int64_t>(heard_bar, 0) + kPassesAhead * plan_->loop_bars() + kBarsAhead;
  if (loop_limit_ != kNoBar && ahead <= loop_limit_) return;
  loop_limit_ = ahead;
  limit_reading();
}

void SessionSong::limit_reading() {
  const std::int64_t limit = std::min(ladder_limit_, loop_limit_);
  if (limit == kNoBar) {
    stream_->read_up_to(SongStream::kNoLimit);
    return;
  }
  for (const SongTurn& turn : plan_->turns_before(limit)) stream_->turn(turn);
  stream_->read_up_to(plan_->frame_of(limit));
}

void SessionSong::start(ClickEngine& click) {
  stream_->start();
  click.attach_song(&*mixer_);
}

BackingResult SessionSong::result() const {
  BackingResult r = result_;
  r.skips = mixer_->skips();
  return r;
}

}  // namespace pocket
