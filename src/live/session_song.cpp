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

SongBarLengths song_bar_lengths(const MeterCycle& meters, double first_bpm,
                                const std::vector<BarTempo>& changes, double speed) {
  std::vector<std::int64_t> starts = change_bars(changes, meters);
  const bool cycle = meters.runs().empty() && meters.size() > 1;
  if (cycle) {  // each bar of the cycle its own run
    for (std::size_t bar = 1; bar < meters.size(); ++bar)
      starts.push_back(static_cast<std::int64_t>(bar));
    std::sort(starts.begin(), starts.end());
    starts.erase(std::unique(starts.begin(), starts.end()), starts.end());
  }
  SongBarLengths lengths;
  for (const std::int64_t start : starts) {
    double bpm = first_bpm;
    for (const BarTempo& c : changes) bpm = c.bar <= start ? c.bpm : bpm;
    const Meter& m = meters.meter_of(start);
    // The bar's whole notes in beats of the tempo's unit, at the session's speed.
    const double seconds = static_cast<double>(m.beats) / m.unit * meters.tempo_unit() * 60.0 / bpm;
    lengths.runs.push_back({start, seconds * speed});
  }
  if (cycle) lengths.cycle_bars = static_cast<std::int64_t>(meters.size());
  return lengths;
}

SessionSong::SessionSong(const BackingOptions& options, const LiveSchedule& schedule,
                         const std::vector<BarTempo>& tempo_changes, double sample_rate)
    : song_bpm_(schedule.section().bpm / options.speed) {
  const SongBarLengths bars =
      song_bar_lengths(schedule.meters(), schedule.section().bpm, tempo_changes, options.speed);
  // The session's bar 0 is the song's first bar line, or its section's.
  const double first_bar =
      options.section_bars > 0 ? options.section_seconds : options.first_bar_seconds;
  const double on_track = schedule.seconds_at(0, 0.0);
  const SongPlacement place = place_song(first_bar, on_track, options.speed, sample_rate);
  plan_.emplace(SongPlan::Settings{first_bar, bars.runs, options.speed, on_track, sample_rate,
                                   place.origin, options.section_bars, bars.cycle_bars});
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
