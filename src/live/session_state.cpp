// What a live session shows as it goes, and what it hands back at the end.
#include <algorithm>

#include "live/session.hpp"

namespace pocket {

namespace {
// The views hear of the state at most this often: a little over a 30th of a second, so that
// a view drawing 30 times a second can draw each one.
constexpr auto kStateInterval = std::chrono::milliseconds(34);
}  // namespace

double Session::now() const {
  return to_track_.ready() ? to_track_.now(output_.stream_time()) : 0.0;
}

double Session::now_bpm() const {
  return scoring_.bpm_of_bar(std::max<std::int64_t>(now_playing_.click().bar, 0));
}

void Session::show_now_playing(double t) { send_state(now_playing_.advance(t)); }

void Session::send_state(bool changed) {
  const auto clock = Clock::now();
  if (!changed && clock - last_state_ < kStateInterval) return;
  last_state_ = clock;
  tell(&SessionView::state_changed, state());
}

SessionState Session::state() const {
  SessionState state;
  const double t = now();
  const ClickEvent& playing = now_playing_.click();
  state.seconds = std::max(0.0, t - sections_.held_seconds(t));
  state.bpm = now_bpm();
  state.bar = playing.bar;
  state.beat = playing.beat;
  state.beats_in_bar = drill_.meters.meter_of(playing.bar).beats;
  state.click = keys_.waiting() ? ClickState::waiting_for_hit
                                : click_state(playing, keys_.pausing(), sections_.held(),
                                              modes_.silenced_state());
  state.underflows = click_.underflows();
  state.song_skips = song_ ? song_->skips() : 0;
  state.midi_connected = kit_.connected();
  state.can_nudge = !coach_.active();
  state.step = coach_.progress();
  return state;
}

SessionStarted Session::started() const {
  return {drill_.name,
          result_.audio_device,
          result_.midi_port,
          result_.output_latency_ms,
          result_.precision_bound_ms,
          result_.buffer_frames,
          rate_,
          o_.said_before,
          result_.server_note,
          result_.remote ? result_.remote->pad : std::string()};
}

LiveResult Session::finish() {
  result_.callback = output_.callback_durations();
  // The kit's port may be connected after the click starts (a virtual port): its latency as
  // it stands at the end, the one its strokes were timed with.
  result_.midi_latency_ms = kit_.port_latency_seconds() * 1000.0;
  const double t = now();
  result_.seconds = std::max(0.0, t - sections_.held_seconds(t));
  result_.paused_seconds = sections_.paused_seconds(t);
  result_.pauses = sections_.pauses(t);
  if (result_.waited_seconds) result_.waited_seconds = sections_.waited_seconds(t);
  result_.lowest_bpm = sections_.lowest_bpm();
  result_.highest_bpm = sections_.highest_bpm();
  port_watch_.finish(result_.seconds, result_);
  if (result_.audio_lost) {
    devices_.abandon();
  } else {
    output_.stop();
  }
  // On ALSA: how late a stroke may have been, as the stamps showed, and never under a frame.
  if (o_.midi.api == "alsa")
    result_.precision_bound_ms = std::max(1000.0 / rate_, 1000.0 * kit_.timing_spread());
  result_.underflows = click_.underflows();
  if (song_) result_.backing = song_->result();
  result_.dropped_records = click_.dropped_records() + kit_.strokes().dropped();
  // The bars played: to the end of the click, or, when the session was cut short, to the
  // last bar that closed (the rest of a cut bar was never played, so nothing in it is missed).
  const bool cut_short = result_.interrupted || result_.audio_lost || result_.midi_lost;
  result_.last_bar = cut_short ? scoring_.last_bar_closed() : last_bar_heard_;
  const std::int64_t end_bar = sections_.held() ? sections_.held_bar() : last_bar_heard_ + 1;
  result_.analysis = scoring_.analysis(end_bar, result_.last_bar, kit_.strokes().double_triggers());
  result_.grid = scoring_.grid();
  result_.analysis.unmapped_notes = kit_.strokes().unmapped_notes();
  result_.modes = scoring_.click_modes();
  result_.modes.quiet_gaps = modes_.quiet_gaps();
  coach_.finish(result_);
  tell(&SessionView::ended, result_);
  return result_;
}

}  // namespace pocket
