#pragma once

#include <chrono>
#include <cstdint>
#include <optional>

#include "audio/click_sound.hpp"
#include "core/live_schedule.hpp"
#include "live/bar_scoring.hpp"
#include "live/click_sections.hpp"
#include "live/ladder_coach.hpp"
#include "live/live_devices.hpp"
#include "live/live_session.hpp"
#include "live/now_playing.hpp"
#include "live/player_keys.hpp"
#include "live/port_watch.hpp"
#include "live/remote_taps.hpp"
#include "live/session_click_modes.hpp"
#include "live/stream_to_track.hpp"
#include "live/stream_watch.hpp"
#include "live/tempo_changes.hpp"

namespace pocket {

// One live session, driven from one loop on the calling thread. The loop only orders the work;
// each job is a part of its own: the click's sections and pauses, the scoring, the ladder's
// coach, the click modes, the kit's port, the player's keys (and the pads that stand for them)
// and the end of the sound.
class Session {
 public:
  explicit Session(const LiveOptions& options);
  LiveResult run();

 private:
  using Clock = std::chrono::steady_clock;

  template <typename Event>
  void tell(void (SessionView::*method)(const Event&), const Event& event) const {
    for (SessionView* view : o_.views) (view->*method)(event);
  }

  // live_session.cpp: the loop's work, in the order it does it.
  void drain_stream();
  void take_sections();
  void ask_next_tempo(std::int64_t after_bar);
  void ask_tempo(const BarTempo& change);
  void take_clicks();
  void score_strokes();
  void close_bars(double now);
  void coach(const BarTally& bar);
  void modes(const BarClosed& bar);
  void ask(const std::optional<SilenceRequest>& request);
  void watch_midi(double now);
  void follow_keys();
  ClickRequest::Kind follow(SessionKey key, double at_seconds);
  void tap_remote(double seconds);
  bool stopped();

  // session_state.cpp: what the views see, and the result at the end.
  double now() const;  // on the click track; 0 before the first anchor
  double now_bpm() const;
  void show_now_playing(double now);
  void send_state(bool changed);
  SessionState state() const;
  SessionStarted started() const;
  LiveResult finish();

  const LiveOptions& o_;
  const Drill& drill_;
  double rate_;
  LadderCoach coach_;
  SessionClickModes modes_;
  LiveSchedule schedule_;
  ClickSound sound_;
  BarScoring scoring_;  // before the devices: a drill the kit cannot play fails first
  // Before the devices: their callback may mix the song until they are gone.
  std::optional<SessionSong> song_;
  bool ends_with_song_ = false;  // no length was asked for: the song's end ends the session
  LiveDevices devices_;
  ClickOutput& output_;
  ClickEngine& click_;
  KitInput& kit_;
  ClickSections sections_;
  StreamToTrack to_track_;
  NowPlaying now_playing_;
  PlayerKeys keys_;
  int remote_pad_ = -1;  // the remote pad's index in the kit; -1: none
  RemoteTaps remote_taps_;
  PortWatch port_watch_;
  StreamWatch stream_watch_;
  LiveResult result_;

  std::int64_t last_bar_heard_ = 0;
  TempoChanges tempo_;
  std::optional<std::int64_t> asked_tempo_bar_;  // the change waiting at the click
  std::optional<std::int64_t> step_bar_;         // a ladder's step not yet started
  bool quit_ = false;
  Clock::time_point last_state_{};
};

}  // namespace pocket
