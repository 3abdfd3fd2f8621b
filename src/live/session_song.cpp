#include "session_song.hpp"

#include <cmath>

#include "audio/click_engine.hpp"

namespace pocket {

SessionSong::SessionSong(const BackingOptions& options, const LiveSchedule& schedule,
                         double sample_rate)
    : rate_(sample_rate),
      song_bpm_(schedule.section().bpm / options.speed),
      bar_seconds_((schedule.seconds_at(1, 0.0) - schedule.seconds_at(0, 0.0)) * options.speed),
      first_bar_in_file_(options.first_bar_seconds),
      from_seconds_(schedule.seconds_at(0, 0.0)),
      speed_(options.speed) {
  const SongPlacement place =
      place_song(options.first_bar_seconds, from_seconds_, options.speed, sample_rate);
  origin_ = place.origin;
  auto source = std::make_unique<SongSource>(
      SongSettings{options.file, sample_rate, options.speed, place.start_seconds});
  result_ = {options.file,        options.speed,       options.first_bar_seconds,
             source->file_rate(), source->resampled(), 0};
  stream_ = std::make_unique<SongStream>(std::move(source));
  mixer_.emplace(*stream_, gain_of_db(options.gain_db), place.origin);
}

std::int64_t SessionSong::frame_of(std::int64_t bar) const {
  const double seconds =
      from_seconds_ + static_cast<double>(bar - from_bar_) * bar_seconds_ / speed_;
  return std::llround(seconds * rate_) - origin_;
}

void SessionSong::tempo_from(std::int64_t bar, double bpm) {
  const double speed = bpm / song_bpm_;
  if (speed == speed_) return;
  // Where the last speed puts the bar line, on the click's own closed form.
  from_seconds_ += static_cast<double>(bar - from_bar_) * bar_seconds_ / speed_;
  from_bar_ = bar;
  speed_ = speed;
  stream_->turn(
      {frame_of(bar), first_bar_in_file_ + static_cast<double>(bar) * bar_seconds_, speed});
}

void SessionSong::read_up_to(std::int64_t bar) { stream_->read_up_to(frame_of(bar)); }

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
