#include "live_session.hpp"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cmath>
#include <csignal>
#include <deque>
#include <thread>

#include <fmt/format.h>

#include "audio/click_sound.hpp"
#include "core/live_schedule.hpp"
#include "core/live_scorer.hpp"
#include "live_devices.hpp"
#include "midi/midi_backend.hpp"
#include "report/analysis_json.hpp"

namespace pocket::app {

namespace {

std::atomic<bool> interrupted{false};

extern "C" void on_interrupt(int) { interrupted.store(true); }

constexpr auto kPoll = std::chrono::milliseconds(5);
// Strokes may come this long after the end of a bar's last slot window.
constexpr double kLateStrokeSeconds = 0.050;

// Turns stream times into seconds of the click track through the latest anchor.
class StreamToTrack {
 public:
  StreamToTrack(double rate, double correction_seconds)
      : rate_(rate), correction_(correction_seconds) {}
  void update(const AudioAnchor& anchor) {
    anchor_ = anchor;
    has_anchor_ = true;
  }
  bool ready() const { return has_anchor_; }
  double seconds(double stream_time) const {
    const double frame = static_cast<double>(anchor_.frame) +
                         std::round((stream_time - correction_ - anchor_.dac_time) * rate_);
    return frame / rate_;
  }
  double now(double stream_time) const {
    return (static_cast<double>(anchor_.frame) + (stream_time - anchor_.dac_time) * rate_) / rate_;
  }

 private:
  double rate_;
  double correction_;
  AudioAnchor anchor_;
  bool has_anchor_ = false;
};

// Late cycles listed in the result; more are counted only.
constexpr std::size_t kMaxLateCyclesKept = 1000;

// Pausing: how long after the key the held bar starts again, in beats.
constexpr double kResumeLeadBeats = 1.0;
// How often the kit's port is looked for.
constexpr auto kPortCheckInterval = std::chrono::seconds(1);
// The views hear of the state at most this often: a little over a 30th of a second, so that
// a view drawing 30 times a second can draw each one.
constexpr auto kStateInterval = std::chrono::milliseconds(34);

template <typename Event>
void tell(const std::vector<SessionView*>& views, void (SessionView::*method)(const Event&),
          const Event& event) {
  for (SessionView* view : views) (view->*method)(event);
}

}  // namespace

void install_interrupt_handler() {
  interrupted.store(false);
  std::signal(SIGINT, on_interrupt);
  std::signal(SIGTERM, on_interrupt);
  std::signal(SIGHUP, on_interrupt);  // the terminal went away: end as cleanly
}

namespace {

std::int64_t bars_to_play(const LiveOptions& o) {
  const std::int64_t drill_bars = o.drill.ladder ? -1 : o.drill.bars;
  return o.max_bars > 0 && (drill_bars < 0 || o.max_bars < drill_bars) ? o.max_bars : drill_bars;
}

ClickPattern click_of(const Drill& drill) {
  ClickPattern click = drill.click;
  click.random_mute.rise_bars = drill.mute_rise_bars();
  return click;
}

// One live session: the devices, the scorer, the coach and the click modes, driven from one
// loop on the calling thread.
class Session {
 public:
  explicit Session(const LiveOptions& o)
      : o_(o),
        drill_(o.drill),
        rate_(o.audio.sample_rate),
        ladder_(drill_.ladder ? std::optional<TempoLadder>(*drill_.ladder) : std::nullopt),
        schedule_(drill_.meters, ladder_ ? ladder_->bpm() : drill_.bpm, click_of(drill_), rate_,
                  bars_to_play(o)),
        sound_(synthesize_click(drill_.sound, rate_)),
        expected_(expected_strokes(drill_, o.kit.pad_names())),
        devices_(o.audio, o.midi, schedule_, sound_, o.kit),
        output_(devices_.output()),
        click_(output_.click()),
        kit_(devices_.kit()),
        scorer_(drill_.meters, drill_.scored_grid(), o.kit.pad_names(), expected_),
        clicks_(scorer_.grid()),
        to_track_(rate_, (o.calibration_ms + o.input_latency_ms) / 1000.0) {
    if (drill_.silent_while_tight) silent_mode_.emplace(*drill_.silent_while_tight);
    if (drill_.quiet_count) {
      quiet_mode_.emplace(*drill_.quiet_count);
      schedule_.silence(quiet_mode_->first_gap().from_bar, quiet_mode_->first_gap().to_bar);
    }
    result_.audio_device = output_.device_label();
    result_.midi_port = kit_.port_name();
    result_.pad_names = o.kit.pad_names();
    // On ALSA strokes are put back at the sequencer's stamps: the session shows how close (see
    // finish()).
    result_.precision_bound_ms = precision_before_session_ms(o.midi, o.audio);
    if (ladder_) result_.ceiling_bpm = ladder_->ceiling_bpm();
    result_.start_bpm = schedule_.section().bpm;
    nudged_bpm_ = result_.lowest_bpm = result_.highest_bpm = result_.start_bpm;
    scorer_.add_section(schedule_.section().first_bar, 0.0, schedule_.section().bpm);
    if (ladder_) result_.step_first_bars.push_back(0);
    last_bar_heard_ = schedule_.first_bar();
    now_playing_.bar = schedule_.first_bar();
  }

  LiveResult run() {
    output_.start();
    result_.output_latency_ms = output_.output_latency_seconds() * 1000.0;
    result_.buffer_frames = output_.buffer_frames();
    tell(o_.views, &SessionView::started,
         SessionStarted{drill_.name, result_.audio_device, result_.midi_port,
                        result_.output_latency_ms, result_.precision_bound_ms,
                        result_.buffer_frames, rate_, o_.said_before});
    while (true) {
      drain_stream();
      if (to_track_.ready()) {
        score_strokes();
        const double now = to_track_.now(output_.stream_time());
        close_bars(now);
        watch_midi(now);
        show_now_playing(now);
        if (o_.minutes > 0.0 && now - paused_seconds(now) >= o_.minutes * 60.0)
          click_.request_finish();
      }
      follow_keys();
      if (stopped()) break;
      std::this_thread::sleep_for(kPoll);
    }
    return finish();
  }

 private:
  void drain_stream() {
    for (SectionStart s; click_.pop_section(s);) {
      if (s.held) {
        held_ = s;
        continue;
      }
      if (held_) {  // the player resumed: the held bar starts again here
        result_.paused_seconds += s.start_seconds - held_->start_seconds;
        held_.reset();
      } else if (ladder_ && s.first_bar > ladder_from_bar_) {
        // A change that came too late for its bar line starts a bar later: so does the step.
        ladder_from_bar_ = s.first_bar;
        result_.step_first_bars.back() = s.first_bar;
      }
      scorer_.add_section(s.first_bar, s.start_seconds, s.bpm);
      result_.lowest_bpm = std::min(result_.lowest_bpm, s.bpm);
      result_.highest_bpm = std::max(result_.highest_bpm, s.bpm);
    }
    for (AudioAnchor a; click_.pop_anchor(a);) to_track_.update(a);
    for (LateCycle c; output_.pop_late_cycle(c);) {
      result_.missed_cycles += c.missed_cycles;
      if (result_.late_cycles.size() < kMaxLateCyclesKept) result_.late_cycles.push_back(c);
    }
    const double now = to_track_.ready() ? to_track_.now(output_.stream_time()) : 0.0;
    for (ClickEvent c; click_.pop_click(c);) {
      result_.clicks_heard += c.audible;
      last_bar_heard_ = std::max(last_bar_heard_, c.bar);
      clicks_.add(c, drill_.click.subdivision);
      coming_.push_back(c);
      if (to_track_.ready()) {
        for (SessionView* view : o_.views)
          view->click_coming(c, static_cast<double>(c.frame) / rate_, now);
      }
    }
  }

  // Strokes from the bar line where the click holds until it plays again are not scored.
  bool in_pause(double seconds) const {
    if (!held_) return false;
    const Grid& grid = scorer_.grid();
    const double half_slot = grid.slot_seconds(grid.first_slot_of_bar(held_->first_bar)) / 2.0;
    return seconds >= held_->start_seconds - half_slot;
  }

  void score_strokes() {
    for (Stroke s; kit_.strokes().pop(s);) {
      s.seconds = to_track_.seconds(s.seconds);
      if (in_pause(s.seconds)) continue;
      const auto scored = scorer_.add_stroke(s);
      if (scored) {
        tell_stroke(*scored);
      }
    }
  }

  void tell_stroke(const ScoredStroke& scored) {
    const std::string& pad = scorer_.pad_names()[static_cast<std::size_t>(scored.stroke.pad)];
    for (SessionView* view : o_.views) view->stroke_scored(scored, pad);
  }

  void close_bars(double now) {
    double until = now - (o_.calibration_ms + o_.input_latency_ms) / 1000.0 - kLateStrokeSeconds;
    if (held_) {
      // The held bar has not been played: close only the bars before it.
      const Grid& grid = scorer_.grid();
      until =
          std::min(until, held_->start_seconds +
                              0.75 * grid.slot_seconds(grid.first_slot_of_bar(held_->first_bar)));
    }
    // Not past the bar the click has reached: after the end of the click, none is played.
    for (const BarTally& bar : scorer_.close_bars(until, last_bar_heard_)) {
      last_bar_closed_ = bar.bar;
      coach(bar);
      modes(bar);
      BarClosed closed{bar, scorer_.bpm_of_bar(bar.bar), clicks_.silenced(bar.bar),
                       scorer_.scored_in_bar(bar.bar), &scorer_.pad_names()};
      for (ScoredStroke& s : closed.strokes) s.click_heard = clicks_.heard_at(s.slot);
      tell(o_.views, &SessionView::bar_closed, closed);
    }
  }

  // A closed bar goes to the coach first: a new tempo must reach the click before the bar
  // line it is meant for, ahead of the slower work of writing the bar down.
  void coach(const BarTally& bar) {
    if (!ladder_ || ladder_->finished() || bar.bar < ladder_from_bar_ ||
        !ladder_->add_bar(bar.tally))
      return;
    const std::size_t index = ladder_->steps().size() - 1;
    if (ladder_->finished()) {
      click_.request_finish();
    } else {
      // The next bar is already playing: the new tempo starts on the bar line after it.
      ladder_from_bar_ = bar.bar + 2;
      click_.request_tempo(ladder_from_bar_, ladder_->bpm());
      result_.step_first_bars.push_back(ladder_from_bar_);
    }
    tell(o_.views, &SessionView::step_closed,
         StepClosed{ladder_->steps().back(), index, result_.step_first_bars.at(index)});
  }

  // The player's click modes decide at bar lines too.
  void modes(const BarTally& bar) {
    if (silent_mode_) ask(silent_mode_->bar_closed(bar));
    if (quiet_mode_) {
      const std::size_t gaps = quiet_mode_->gaps().size();
      const std::optional<SilenceRequest> next =
          quiet_mode_->bar_closed(bar, clicks_.silenced(bar.bar));
      if (quiet_mode_->gaps().size() > gaps)
        tell(o_.views, &SessionView::quiet_gap_closed, quiet_mode_->gaps().back());
      ask(next);
    }
  }

  void ask(const std::optional<SilenceRequest>& request) {
    if (!request) return;
    if (request->kind == SilenceRequest::Kind::silence) {
      click_.request_silence(request->from_bar, request->to_bar);
    } else {
      click_.request_end_silence(request->from_bar);
    }
    tell(o_.views, &SessionView::click_mode_changed, *request);
  }

  // The click goes on without the kit: its bars count as missed, and each outage is kept.
  void watch_midi(double now) {
    const auto clock = std::chrono::steady_clock::now();
    if (clock - last_port_check_ < kPortCheckInterval) return;
    last_port_check_ = clock;
    const KitInput::PortChange change = kit_.watch_port();
    if (change == KitInput::PortChange::none) return;
    const double at = now - paused_seconds(now);
    MidiPortChange told{kit_.connected(), kit_.port_name(), at, 0.0};
    if (change == KitInput::PortChange::lost) {
      outage_from_ = at;
    } else {
      told.outage_seconds = at - outage_from_.value_or(at);
      result_.midi_outages.push_back({outage_from_.value_or(at), told.outage_seconds});
      ++result_.midi_reconnects;
      outage_from_.reset();
    }
    tell(o_.views, &SessionView::midi_port_changed, told);
    send_state(true);
  }

  void follow_keys() {
    if (o_.keys == nullptr) return;
    const SessionKey key = o_.keys->poll();
    switch (key) {
      case SessionKey::none: return;
      case SessionKey::quit: quit_ = true; return;
      case SessionKey::pause:
        if (pausing_ || held_) {
          pausing_ = false;
          click_.request_resume(kResumeLeadBeats * 60.0 / now_bpm());
        } else {
          pausing_ = true;
          click_.request_pause(last_bar_heard_ + 1);
        }
        break;
      case SessionKey::faster:
      case SessionKey::slower: {
        if (ladder_) return;  // the coach sets a ladder's tempo
        // From the next bar line the audio thread has not reached yet.
        nudged_bpm_ =
            std::clamp(nudged_bpm_ + (key == SessionKey::faster ? 1.0 : -1.0), kMinBpm, kMaxBpm);
        click_.request_tempo(last_bar_heard_ + 1, nudged_bpm_);
        break;
      }
    }
    send_state(true);
  }

  double now_bpm() const { return scorer_.bpm_of_bar(std::max<std::int64_t>(now_playing_.bar, 0)); }

  // How long the player has paused up to `now`, the pause under way included.
  double paused_seconds(double now) const {
    return result_.paused_seconds + (held_ ? std::max(0.0, now - held_->start_seconds) : 0.0);
  }

  ClickState click_state() const {
    if (held_) return ClickState::paused;
    if (pausing_) return ClickState::pausing;
    if (now_playing_.bar < 0) return ClickState::count_in;
    switch (now_playing_.muted_by) {
      case MuteReason::silenced:
        return silent_mode_ ? ClickState::silent_while_tight : ClickState::quiet_count;
      case MuteReason::random: return ClickState::muted;
      case MuteReason::gap: return ClickState::gap;
      case MuteReason::rest:  // a '.' beat of the drill: the click is as the drill wants it
      case MuteReason::none: break;
    }
    return ClickState::heard;
  }

  // The click being heard now, out of those rendered ahead.
  void show_now_playing(double now) {
    bool moved = false;
    while (!coming_.empty() && static_cast<double>(coming_.front().frame) / rate_ <= now) {
      now_playing_ = coming_.front();
      coming_.pop_front();
      moved = true;
    }
    send_state(moved);
  }

  void send_state(bool changed) {
    const auto clock = std::chrono::steady_clock::now();
    if (!changed && clock - last_state_ < kStateInterval) return;
    last_state_ = clock;
    SessionState state;
    const double now = to_track_.ready() ? to_track_.now(output_.stream_time()) : 0.0;
    state.seconds = std::max(0.0, now - paused_seconds(now));
    state.bpm = now_bpm();
    state.bar = now_playing_.bar;
    state.beat = now_playing_.beat;
    state.beats_in_bar = drill_.meters.meter_of(now_playing_.bar).beats;
    state.click = click_state();
    state.underflows = click_.underflows();
    state.midi_connected = kit_.connected();
    state.can_nudge = !ladder_;
    if (ladder_ && !ladder_->finished()) {
      state.step = StepProgress{ladder_->steps().size(), ladder_->bpm(),
                                ladder_->bars_in_step(), ladder_->config().bars_per_step,
                                ladder_->step_so_far(),  ladder_->config().rule};
    }
    tell(o_.views, &SessionView::state_changed, state);
  }

  bool stopped() {
    if (interrupted.load() || quit_) {
      result_.interrupted = true;
      return true;
    }
    if (kit_.failed() && !kit_.watched()) {
      result_.midi_lost = true;
      return true;
    }
    const auto clock = std::chrono::steady_clock::now();
    if (click_.callbacks() != last_callbacks_) {
      last_callbacks_ = click_.callbacks();
      last_progress_ = clock;
    } else if (clock - last_progress_ > std::chrono::seconds(1)) {
      result_.audio_lost = true;  // no audio callback for a second: the server went away
      return true;
    }
    if (!output_.running() && !click_.finished()) {
      result_.audio_lost = true;  // the stream stopped before the click's end: the server went
      return true;
    }
    if (!output_.running()) {
      // Strokes of the last bar may still be on their way.
      if (!ended_at_) ended_at_ = clock;
      if (clock - *ended_at_ > std::chrono::milliseconds(200)) return true;
    }
    return false;
  }

  LiveResult finish() {
    result_.callback = output_.callback_durations();
    // The kit's port may be connected after the click starts (a virtual port): its latency as
    // it stands at the end, the one its strokes were timed with.
    result_.midi_latency_ms = kit_.port_latency_seconds() * 1000.0;
    const double now = to_track_.ready() ? to_track_.now(output_.stream_time()) : 0.0;
    result_.seconds = std::max(0.0, now - paused_seconds(now));
    if (held_) result_.paused_seconds = paused_seconds(now);
    if (outage_from_)
      result_.midi_outages.push_back({*outage_from_, result_.seconds - *outage_from_});
    if (result_.audio_lost) {
      devices_.abandon();
    } else {
      output_.stop();
    }

    // On ALSA: how late a stroke may have been, as the stamps showed, and never under a frame.
    if (o_.midi.api == "alsa")
      result_.precision_bound_ms = std::max(1000.0 / rate_, 1000.0 * kit_.timing_spread());
    result_.underflows = click_.underflows();
    result_.dropped_records = click_.dropped_records() + kit_.strokes().dropped();
    scorer_.end_before_bar(held_ ? held_->first_bar : last_bar_heard_ + 1);
    result_.grid = scorer_.grid();
    AnalysisOptions options{drill_.click.gap, &expected_, std::nullopt,
                            [&](std::int64_t slot) { return clicks_.heard_at(slot); }};
    // The bars played: to the end of the click, or, when the session was cut short, to the
    // last bar that closed (the rest of a cut bar was never played, so nothing in it is missed).
    const bool cut_short = result_.interrupted || result_.audio_lost || result_.midi_lost;
    result_.last_bar = cut_short ? last_bar_closed_ : last_bar_heard_;
    if (!expected_.plain() && result_.last_bar >= 0)
      options.bars = std::pair{std::int64_t{0}, result_.last_bar};
    result_.analysis = analyze(scorer_.strokes(), scorer_.grid(), scorer_.pad_names(),
                               kit_.strokes().double_triggers(), options);
    result_.analysis.unmapped_notes = kit_.strokes().unmapped_notes();
    result_.modes = {clicks_.clicks(), clicks_.left_out(MuteReason::random),
                     clicks_.silent_stretches(scorer_.grid()),
                     quiet_mode_ ? quiet_mode_->gaps() : std::vector<QuietGap>{}};
    if (ladder_) {
      ladder_->stop();
      result_.steps = ladder_->steps();
      result_.step_first_bars.resize(result_.steps.size());
      result_.verdict = ladder_->verdict();
    }
    tell(o_.views, &SessionView::ended, result_);
    return result_;
  }

  const LiveOptions& o_;
  const Drill& drill_;
  double rate_;
  std::optional<TempoLadder> ladder_;
  LiveSchedule schedule_;
  ClickSound sound_;
  ExpectedStrokes expected_;
  std::optional<SilentWhileTightMode> silent_mode_;
  std::optional<QuietCountMode> quiet_mode_;
  LiveDevices devices_;
  ClickOutput& output_;
  ClickEngine& click_;
  KitInput& kit_;
  LiveResult result_;
  LiveScorer scorer_;
  ClickLog clicks_;
  StreamToTrack to_track_;

  std::int64_t ladder_from_bar_ = 0;  // bars before this one are the coach's thinking time
  std::int64_t last_bar_heard_ = 0;
  std::int64_t last_bar_closed_ = -1;
  std::deque<ClickEvent> coming_;  // rendered, not heard yet
  ClickEvent now_playing_;
  double nudged_bpm_ = 0.0;
  bool pausing_ = false;              // asked for, the bar line not reached yet
  std::optional<SectionStart> held_;  // where the click holds, while paused
  bool quit_ = false;
  std::chrono::steady_clock::time_point last_port_check_ = std::chrono::steady_clock::now();
  std::optional<double> outage_from_;  // the kit's port is away since then
  std::int64_t last_callbacks_ = -1;
  std::chrono::steady_clock::time_point last_progress_ = std::chrono::steady_clock::now();
  std::chrono::steady_clock::time_point last_state_{};
  std::optional<std::chrono::steady_clock::time_point> ended_at_;
};

}  // namespace

LiveResult run_live_session(const LiveOptions& options) {
  validate_grid(options.drill.scored_grid());
  require_midi_api(options.midi.api);  // before the click starts: a missing server in one line
  return Session(options).run();
}

}  // namespace pocket::app
