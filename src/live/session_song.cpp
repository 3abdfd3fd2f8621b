#include "session_song.hpp"

#include "audio/click_engine.hpp"

namespace pocket {

SessionSong::SessionSong(const BackingOptions& options, const LiveSchedule& schedule,
                         double sample_rate) {
  const SongPlacement place = place_song(options.first_bar_seconds, schedule.seconds_at(0, 0.0),
                                         options.speed, sample_rate);
  auto source = std::make_unique<SongSource>(
      SongSettings{options.file, sample_rate, options.speed, place.start_seconds});
  result_ = {options.file,        options.speed,       options.first_bar_seconds,
             source->file_rate(), source->resampled(), 0};
  stream_ = std::make_unique<SongStream>(std::move(source));
  mixer_.emplace(*stream_, gain_of_db(options.gain_db), place.origin);
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
