#include "live/live_session.hpp"

#include <algorithm>
#include <atomic>
#include <csignal>
#include <limits>
#include <thread>

#include "live/session.hpp"
#include "midi/midi_backend.hpp"

namespace pocket {

namespace {

std::atomic<bool> interrupted{false};

extern "C" void on_interrupt(int) { interrupted.store(true); }

constexpr auto kPoll = std::chrono::milliseconds(5);
// Strokes may come this long after the end of a bar's last slot window.
constexpr double kLateStrokeSeconds = 0.050;
// Late cycles listed in the result; more are counted only.
constexpr std::size_t kMaxLateCyclesKept = 1000;

// The session's tempo from bar 0, then a song's changes.
std::vector<BarTempo> session_tempos(const std::vector<BarTempo>& changes, double first_bpm) {
  std::vector<BarTempo> tempos = {{0, first_bpm}};
  tempos.insert(tempos.end(), changes.begin(), changes.end());
  return tempos;
}

std::int64_t bars_to_play(const LiveOptions& o) {
  const std::int64_t drill_bars = o.drill.ladder ? -1 : o.drill.bars;
  return o.max_bars > 0 && (drill_bars < 0 || o.max_bars < drill_bars) ? o.max_bars : drill_bars;
}

ClickPattern click_of(const Drill& drill) {
  ClickPattern click = drill.click;
  click.random_mute.rise_bars = drill.mute_rise_bars();
  return click;
}

}  // namespace

void install_interrupt_handler() {
  interrupted.store(false);
  std::signal(SIGINT, on_interrupt);
  std::signal(SIGTERM, on_interrupt);
  std::signal(SIGHUP, on_interrupt);  // the terminal went away: end as cleanly
}

LiveResult run_live_session(const LiveOptions& options) {
  validate_grid(options.drill.scored_grid());
  require_midi_api(options.midi.api);  // before the click starts: a missing server in one line
  return Session(options).run();
}

Session::Session(const LiveOptions& o)
    : o_(o),
      drill_(o.drill),
      rate_(o.audio.sample_rate),
      coach_(drill_.ladder),
      modes_(drill_),
      schedule_(drill_.meters, coach_.first_bpm(drill_.bpm), click_of(drill_), rate_,
                bars_to_play(o), drill_.resolved_swing()),
      sound_(synthesize_click(drill_.sound, rate_)),
      scoring_(drill_, o.kit.pad_names()),
      song_(o.backing ? std::optional<SessionSong>(std::in_place, *o.backing, schedule_,
                                                   o.tempo_changes, rate_)
                      : std::nullopt),
      // Read before the audio thread owns the schedule.
      ends_with_song_(o.backing && o.backing->section_bars == 0 && o.minutes <= 0.0 &&
                      schedule_.end_bar() == std::numeric_limits<std::int64_t>::max()),
      devices_(o.audio, o.midi, schedule_, sound_, o.kit),
      output_(devices_.output()),
      click_(output_.click()),
      kit_(devices_.kit()),
      sections_(schedule_.section().bpm, schedule_.first_bar()),
      to_track_(rate_, (o.calibration_ms + o.input_latency_ms) / 1000.0),
      now_playing_(schedule_.first_bar(), rate_),
      keys_(schedule_.section().bpm,
            coach_.active() || o.backing.has_value() || !o.tempo_changes.empty(), o.start_on_hit),
      remote_pad_(o.remote_pad.empty() ? -1 : o.kit.pad_index(o.remote_pad)),
      port_watch_(Clock::now()),
      stream_watch_(Clock::now()),
      last_bar_heard_(schedule_.first_bar()),
      tempo_(session_tempos(o.tempo_changes, schedule_.section().bpm),
             o.backing ? o.backing->section_bars : 0) {
  if (const auto gap = modes_.first_gap()) schedule_.silence(gap->from_bar, gap->to_bar);
  result_.audio_device = output_.device_label();
  result_.midi_port = kit_.port_name();
  result_.pad_names = o.kit.pad_names();
  // On ALSA strokes are put back at the sequencer's stamps: the session shows how close (see
  // finish()).
  result_.precision_bound_ms = precision_before_session_ms(o.midi, o.audio);
  result_.start_bpm = schedule_.section().bpm;
  scoring_.add_section(schedule_.section().first_bar, 0.0, schedule_.section().bpm);
  // Waiting for the start hit, the click holds at its first bar line from the first buffer on.
  if (o.start_on_hit) {
    click_.request_pause(schedule_.first_bar());
    result_.waited_seconds = 0.0;
  }
  if (remote_pad_ >= 0) result_.remote = RemoteUse{o.remote_pad, 0, {}};
  click_.set_click_gain(gain_of_db(o.click_gain_db));
}

// A song's tempo map and a ladder's steps, one change at a time: the click keeps one waiting,
// so the next is asked for once the last has taken effect (as a new tempo, or in the resume of
// a pause held on its bar line, which takes the waiting change up).
void Session::ask_next_tempo(std::int64_t after_bar) {
  asked_tempo_bar_.reset();
  if (const auto next = tempo_.next_after(after_bar)) ask_tempo(*next);
}

void Session::ask_tempo(const BarTempo& change) {
  asked_tempo_bar_ = change.bar;
  click_.request_tempo(change.bar, change.bpm);
}

LiveResult Session::run() {
  if (song_ && coach_.active()) song_->read_up_to(coach_.next_step_bar());
  if (song_) song_->start(click_);
  ask_next_tempo(0);
  output_.start();
  result_.output_latency_ms = output_.output_latency_seconds() * 1000.0;
  result_.buffer_frames = output_.buffer_frames();
  result_.server_note = output_.server_note();
  tell(&SessionView::started, started());
  while (true) {
    drain_stream();
    if (to_track_.ready()) {
      score_strokes();
      const double t = now();
      close_bars(t);
      watch_midi(t);
      show_now_playing(t);
      if (o_.minutes > 0.0 && t - sections_.held_seconds(t) >= o_.minutes * 60.0)
        click_.request_finish();
      // A song without a length asked for: the session ends with it.
      if (ends_with_song_ && song_->finished()) click_.request_finish();
    }
    follow_keys();
    if (stopped()) break;
    std::this_thread::sleep_for(kPoll);
  }
  return finish();
}

// What the audio thread sent since the last turn: sections, anchors, late cycles, clicks.
void Session::drain_stream() {
  take_sections();
  for (AudioAnchor a; click_.pop_anchor(a);) to_track_.update(a);
  for (LateCycle c; output_.pop_late_cycle(c);) {
    result_.missed_cycles += c.missed_cycles;
    if (result_.late_cycles.size() < kMaxLateCyclesKept) result_.late_cycles.push_back(c);
  }
  take_clicks();
}

void Session::take_sections() {
  for (SectionStart s; click_.pop_section(s);) {
    const ClickSections::Kind kind = sections_.started(s);
    if (kind == ClickSections::Kind::hold) continue;
    // A step's change starts a tempo section, or a resume that takes it up; a song's later
    // change must not move the step.
    if (step_bar_ && s.first_bar >= *step_bar_) {
      if (kind == ClickSections::Kind::tempo) coach_.section_started(s.first_bar);
      step_bar_.reset();
    }
    if (asked_tempo_bar_ && s.first_bar >= *asked_tempo_bar_) ask_next_tempo(s.first_bar);
    scoring_.add_section(s.first_bar, s.start_seconds, s.bpm);
  }
}

void Session::take_clicks() {
  const double t = now();
  for (ClickEvent c; click_.pop_click(c);) {
    result_.clicks_heard += c.audible;
    last_bar_heard_ = std::max(last_bar_heard_, c.bar);
    if (song_) song_->keep_ahead(last_bar_heard_);
    scoring_.add_click(c);
    now_playing_.rendered(c);
    if (to_track_.ready()) {
      for (SessionView* view : o_.views)
        view->click_coming(c, static_cast<double>(c.frame) / rate_, t);
    }
  }
}

// Neither the start hit nor the remote pad's taps are scored: they stand for keys.
void Session::score_strokes() {
  for (Stroke s; kit_.strokes().pop(s);) {
    s.seconds = to_track_.seconds(s.seconds);
    if (keys_.waiting()) {  // the start hit: it starts the click as space would
      follow(SessionKey::pause, s.seconds);
      continue;
    }
    if (s.pad == remote_pad_) {
      tap_remote(s.seconds);
      continue;
    }
    if (sections_.in_pause(s.seconds, scoring_.grid())) continue;
    if (const auto scored = scoring_.add_stroke(s)) {
      for (SessionView* view : o_.views) view->stroke_scored(*scored, scoring_.pad_of(*scored));
    }
  }
}

void Session::close_bars(double t) {
  const double until = sections_.closable_until(
      t - (o_.calibration_ms + o_.input_latency_ms) / 1000.0 - kLateStrokeSeconds, scoring_.grid());
  // Not past the bar the click has reached: after the end of the click, none is played.
  for (const BarClosed& closed : scoring_.close_bars(until, last_bar_heard_)) {
    coach(closed.bar);
    modes(closed);
    tell(&SessionView::bar_closed, closed);
  }
}

// A closed bar goes to the coach first: a new tempo must reach the click before the bar line
// it is meant for, ahead of the slower work of writing the bar down.
void Session::coach(const BarTally& bar) {
  const std::optional<LadderCoach::StepEnd> end = coach_.bar_closed(bar);
  if (!end) return;
  if (end->ladder_over) {
    click_.request_finish();
    if (song_) song_->read_on();  // through the bar the click still plays, and past its end
  } else {
    tempo_.step_from(end->next_from_bar, end->next_bpm);
    step_bar_ = end->next_from_bar;
    // Before the change waiting at the click (a song's), it takes that one's place for now.
    if (!asked_tempo_bar_ || end->next_from_bar <= *asked_tempo_bar_)
      ask_tempo({end->next_from_bar, tempo_.bpm_at(end->next_from_bar)});
    if (song_) {
      song_->tempo_from(end->next_from_bar, end->next_bpm);
      song_->read_up_to(coach_.next_step_bar());
    }
  }
  tell(&SessionView::step_closed, end->step);
}

// The player's click modes decide at bar lines too.
void Session::modes(const BarClosed& bar) {
  const SessionClickModes::Decisions decided = modes_.bar_closed(bar.bar, bar.click_silenced);
  ask(decided.silent_while_tight);
  if (decided.gap_closed) tell(&SessionView::quiet_gap_closed, *decided.gap_closed);
  ask(decided.quiet_count);
}

void Session::ask(const std::optional<SilenceRequest>& request) {
  if (!request) return;
  if (request->kind == SilenceRequest::Kind::silence) {
    click_.request_silence(request->from_bar, request->to_bar);
  } else {
    click_.request_end_silence(request->from_bar);
  }
  tell(&SessionView::click_mode_changed, *request);
}

// The click goes on without the kit: its bars count as missed, and each outage is kept.
void Session::watch_midi(double t) {
  if (!port_watch_.due(Clock::now())) return;
  const KitInput::PortChange change = kit_.watch_port();
  if (change == KitInput::PortChange::none) return;
  const double at = t - sections_.held_seconds(t);
  tell(&SessionView::midi_port_changed, port_watch_.changed(change, kit_.port_name(), at));
  send_state(true);
}

void Session::follow_keys() {
  if (o_.keys == nullptr) return;
  if (const SessionKey key = o_.keys->poll(); key != SessionKey::none) follow(key, now());
}

// The one way to the click for the keys, the start hit and the remote pad. `at_seconds`: when
// the key came or the pad was hit, on the click track.
ClickRequest::Kind Session::follow(SessionKey key, double at_seconds) {
  const ClickRequest request =
      keys_.follow(key, at_seconds, sections_.held(), last_bar_heard_, now_bpm());
  switch (request.kind) {
    case ClickRequest::Kind::none: return request.kind;
    case ClickRequest::Kind::quit: quit_ = true; return request.kind;
    case ClickRequest::Kind::pause: click_.request_pause(request.from_bar); break;
    case ClickRequest::Kind::resume: click_.request_resume_at(request.at_seconds); break;
    case ClickRequest::Kind::tempo: click_.request_tempo(request.from_bar, request.bpm); break;
  }
  send_state(true);
  return request.kind;
}

void Session::tap_remote(double seconds) {
  using Did = RemoteUse::Did;
  const ClickRequest::Kind kind = follow(remote_taps_.tap(seconds), seconds);
  RemoteUse& remote = *result_.remote;
  remote.taps = remote_taps_.taps();
  if (kind == ClickRequest::Kind::pause) remote.actions.push_back({seconds, Did::pause});
  if (kind == ClickRequest::Kind::resume) remote.actions.push_back({seconds, Did::resume});
  if (kind == ClickRequest::Kind::quit) remote.actions.push_back({seconds, Did::end});
}

bool Session::stopped() {
  if (interrupted.load() || quit_) {
    result_.interrupted = true;
    return true;
  }
  if (kit_.failed() && !kit_.watched()) {
    result_.midi_lost = true;
    return true;
  }
  switch (
      stream_watch_.check(click_.callbacks(), output_.running(), click_.finished(), Clock::now())) {
    case StreamWatch::Verdict::playing: return false;
    case StreamWatch::Verdict::ended: return true;
    case StreamWatch::Verdict::lost: result_.audio_lost = true; return true;
  }
  return false;
}

}  // namespace pocket
