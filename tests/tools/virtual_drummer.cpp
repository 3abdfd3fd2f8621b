// The virtual drummer: a JACK client that hears pocket's click on an audio input, finds each
// click to the frame, and plays MIDI strokes back at exact frame offsets from the next click:
// bias, Gaussian jitter, linear drift, a pad pattern, missed strokes, and a tempo limit above
// which its timing falls apart. It writes what it did (click frame, stroke frame, pad) to a CSV.
//
// It needs two clicks to know an interval and plays nothing before. Each heard click then plans
// the beat it predicts one interval later: --subdivide N strokes (default 1) spread over the
// interval from that beat, stroke k (its part, 0..N-1) aimed at the beat + warp(k/N) * interval,
// rounded to the frame. warp(k/N) is k/N unless --swing PERCENT (50..75, default 50; N even when
// not 50) moves each odd part, the off-note of a pair of parts, from the middle of the pair to
// PERCENT of it: N 2 at 60 puts the off-beat 8th at 0.6 of the interval. Each part has a jitter
// draw and a note of its own (--notes cycles per stroke) and counts for --miss-every;
// --note-bias 38:10,42:-5 adds ms per MIDI note to --bias-ms (a laid-back snare, a pushed hi-hat).
// With --keep-time 1 it also keeps time through silence: when half an interval has passed after
// its predicted beat with no click heard, it plans the next beat itself, all its parts, one last
// measured interval on (free running), until a click comes back; a heard click then plans the
// beat after it again (the beat it fell on was planned already, so no beat gets two strokes) and
// the interval is measured anew from the next pair of heard clicks. It stops free running once
// the click's port is gone (pocket has ended).
//
// Two hands: --sticking MARKS gives stroke position p the hand MARKS[p % count], R, L or B (both;
// spaces and '|' ignored); without it a stroke has no hand (-). Position = beat * N + part, beats
// numbered as click_index numbers heard clicks: heard click i plans beat i + 1, so a heard
// stroke's position is click_index * N + part, and after a count-in of whole bars position 0 is a
// bar line. A beat planned in a silence (--keep-time) takes the number the next heard click will
// get, so the strokes on the first click back keep to it; all beats of one silence share it.
// --hand-bias L:5,R:-1 adds ms to a hand's bias, --hand-jitter L:3 is a hand's jitter SD instead
// of --jitter-ms (still one draw per stroke), --hand-velocity R:100,L:80 a hand's velocity; a B
// stroke takes the mean of both hands' bias and SD and the larger velocity. These need --sticking.
// --velocities 110,70,... gives a velocity per position, cycling like the sticking (accents,
// ghosts); with it, --hand-velocity is a percentage: round(v * percent / 100), within 1..127.
// Default velocity 100.
//
// A groove: --position-notes "36+42,.,42,.,38+42,..." gives the notes of each stroke position,
// cycling like the sticking, '+' between notes struck together and '.' a rest; it takes the
// place of --notes. Each note is a stroke of its own (its own jitter draw, counted by
// --miss-every, a line of the CSV). Strokes due in one period are written in frame order.
//
// The CSV: click_index,click_frame,stroke_frame,note,offset_ms,heard,part,aim_frame,velocity,
// hand. aim_frame is click_frame + round(warp(part/N) * interval), where it aimed before bias,
// jitter and drift (click_frame itself for part 0); offset_ms is from aim_frame; velocity is the
// note-on's; hand is R, L, B or -. heard 1: a stroke aimed at the beat of a click that was heard
// (within half an interval of its prediction): click_index counts the heard clicks from 0,
// click_frame is that click. This includes the strokes on the first click back after a silence,
// though planned in the silence: pocket scores them against that click. heard 0: a stroke aimed at
// no heard click: click_index -1, click_frame the beat the drummer predicted. With --keep-time
// these are the strokes in muted bars; any drummer plays one after the last click (played after
// pocket stopped listening or while its port went away), and one aimed where a click it heard late
// or not at all made it expect one. Every stroke it played is in the CSV.
//
// With --xruns FILE it also writes the frame time at which the server told of each xrun, and
// with --missed FILE the first frame of each cycle the server ran without the drummer (it heard
// nothing of those and played nothing in them). Every frame it writes is where the cycle really
// began (see cycle_times.hpp), not what a late cycle read.
//
// --edge-strokes 1 moves two strokes of every three to an edge of their period, the first frame
// and the last frame, where an off-by-one in the reader would show; the third falls where it
// falls. --playback-latency N and
// --capture-latency N declare latencies on its ports as a sound card's would: N frames from its
// audio input to the ears, and from the pads to its MIDI output.
//
// --hits NOTE@SECONDS,... strikes NOTE that many seconds after the drummer has connected its
// ports, whatever it hears (a pad struck to start or pause the click, aimed at no click): each is
// a CSV line with click_index -1, heard 0, click_frame and aim_frame its own frame, offset 0.
// --onsets FILE writes the frame of every click it heard, one a line.
//
// usage: virtual_drummer --listen PORT --play-to PORT --truth FILE.csv [options]
//   --bias-ms MS  --jitter-ms SD  --drift-ms-per-min MS  --drift-from-seconds S (drift starts S
//   seconds after the first heard click)  --limit-bpm BPM  --clicks-per-beat N  --miss-every N
//   --notes 36,42,...  --seed N  --seconds S  --keep-time 0|1  --name CLIENT  --xruns FILE
//   --missed FILE  --edge-strokes 0|1  --playback-latency FRAMES  --capture-latency FRAMES
//   --subdivide N (1..16)  --swing PERCENT (50..75)  --note-bias NOTE:MS,...  --sticking MARKS
//   --hand-bias R:MS,L:MS  --hand-jitter R:SD,L:SD  --hand-velocity R:V,L:V (1..127)
//   --velocities V,... (1..127)  --position-notes NOTES,... (NOTES: N+N..., or . for a rest)
//   --hits NOTE@SECONDS,...  --onsets FILE
#include <jack/jack.h>
#include <jack/midiport.h>

#include <algorithm>
#include <array>
#include <atomic>
#include <cerrno>
#include <chrono>
#include <cmath>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <mutex>
#include <random>
#include <string>
#include <thread>
#include <vector>

#include "cycle_times.hpp"
#include "note_list.hpp"

namespace {

struct Settings {
  std::string listen;            // the audio port carrying the click
  std::string play_to;           // the MIDI port to play into
  std::string truth;             // CSV of what was played
  std::string xruns;             // the server's xruns: one frame time per line
  std::string missed;            // cycles the server ran without the drummer: one frame per line
  std::string onsets;            // the clicks heard: one frame per line
  std::string name = "drummer";  // the JACK client's name, e.g. a kit module's
  double bias_ms = 0.0;
  double jitter_ms = 0.0;
  double drift_ms_per_min = 0.0;
  double drift_from_seconds = 0.0;  // the drift starts this long after the first heard click
  double limit_bpm = 0.0;           // above this, jitter grows
  double limit_growth_ms = 8.0;     // extra jitter (SD, ms) per BPM above the limit
  int clicks_per_beat = 1;
  int miss_every = 0;  // leave out every Nth stroke
  std::vector<int> notes = {38};
  int subdivide = 1;                          // strokes per interval
  double swing = 0.5;                         // an odd part's place in its pair of parts
  std::array<double, 128> note_bias_ms = {};  // added to bias_ms, per MIDI note
  std::string sticking;                       // R, L or B per stroke position; empty: no hands
  std::array<double, 2> hand_bias_ms = {};    // R, L: added to bias_ms
  std::array<double, 2> hand_jitter_ms = {-1.0, -1.0};  // R, L: SD; below 0: jitter_ms
  std::array<int, 2> hand_velocity = {100, 100};        // R, L: velocity, or percent of velocities
  std::vector<int> velocities;                          // per stroke position; empty: 100
  std::vector<std::vector<int>> position_notes;         // per stroke position; empty: notes
  std::vector<std::pair<int, double>> hits;             // (note, seconds after connecting), by time
  unsigned seed = 1;
  double seconds = 0.0;                 // stop by itself after this long (0: until killed)
  bool keep_time = false;               // play on through silence at the last measured interval
  bool edge_strokes = false;            // strokes on the first or the last frame of their period
  jack_nframes_t playback_latency = 0;  // declared on audio_in, frames
  jack_nframes_t capture_latency = 0;   // declared on midi_out, frames
};

struct Planned {
  jack_nframes_t frame;      // when the stroke is played
  jack_nframes_t predicted;  // where the drummer expects its click
  jack_nframes_t interval;
  int note;
  int part;                // k of the --subdivide N strokes of the beat
  jack_nframes_t aim;      // frames after the beat it aimed at: round(warp(k/N) * interval)
  unsigned char velocity;  // of the note-on
  char hand;               // R, L, B or -
  bool scripted = false;   // --hits: struck at a time, aimed at no click
};

struct Record {
  jack_nframes_t predicted;
  std::size_t cycle;  // the cycle it was played in, and where in its period
  jack_nframes_t at;
  jack_nframes_t interval;  // between the two clicks the prediction came from
  int note;
  int part;
  jack_nframes_t aim;
  unsigned char velocity;
  char hand;
  bool scripted;
};

struct Onset {
  std::size_t cycle;  // the cycle it was heard in, and its first frame there (may be -1)
  long at;
};

constexpr std::size_t kMaxRecords = 1 << 20;
constexpr std::size_t kMaxCycles = 1 << 21;
constexpr int kMaxSubdivide = 16;
constexpr std::size_t kMaxPending = 256;  // a few beats of kMaxSubdivide strokes
constexpr int kVelocity = 100;
constexpr int kSilenceBeforeOnset = 240;  // 5 ms of digital silence before a click

std::atomic<bool> stop{false};
extern "C" void on_signal(int) { stop.store(true); }

class Drummer {
 public:
  explicit Drummer(Settings s) : s_(std::move(s)), random_(s_.seed), cycles_(kMaxCycles) {
    onsets_.reserve(kMaxRecords);
    records_.reserve(kMaxRecords);
  }

  bool open() {
    // A server that has just started, or another one starting beside it, may turn a client
    // away for a moment.
    for (int attempt = 0; attempt < 30 && client_ == nullptr; ++attempt) {
      if (attempt > 0) std::this_thread::sleep_for(std::chrono::milliseconds(100));
      client_ = jack_client_open(s_.name.c_str(), JackNoStartServer, nullptr);
    }
    if (client_ == nullptr) return false;
    rate_ = jack_get_sample_rate(client_);
    in_ = jack_port_register(client_, "audio_in", JACK_DEFAULT_AUDIO_TYPE, JackPortIsInput, 0);
    out_ = jack_port_register(client_, "midi_out", JACK_DEFAULT_MIDI_TYPE, JackPortIsOutput, 0);
    jack_set_process_callback(
        client_,
        [](jack_nframes_t n, void* self) { return static_cast<Drummer*>(self)->process(n); }, this);
    jack_set_latency_callback(
        client_,
        [](jack_latency_callback_mode_t mode, void* self) {
          static_cast<Drummer*>(self)->declare_latency(mode);
        },
        this);
    // The server's xruns, told on a thread of their own: when the graph runs late, a MIDI
    // event written in a cycle its reader missed is gone before any reader sees it.
    jack_set_xrun_callback(
        client_,
        [](void* self) {
          auto* d = static_cast<Drummer*>(self);
          const std::lock_guard<std::mutex> lock(d->xruns_mutex_);
          d->xruns_.push_back(jack_frame_time(d->client_));
          return 0;
        },
        this);
    return in_ != nullptr && out_ != nullptr && jack_activate(client_) == 0;
  }

  // Connects once the ports exist; pocket may start after the drummer.
  void connect_when_ready() {
    bool heard = false, playing = false;
    while (!stop.load() && !(heard && playing)) {
      if (!heard) heard = jack_connect(client_, s_.listen.c_str(), jack_port_name(in_)) == 0;
      if (!playing) playing = jack_connect(client_, jack_port_name(out_), s_.play_to.c_str()) == 0;
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    connected_.store(true, std::memory_order_release);
  }

  // With --keep-time: once the click's port has gone, there is no more time to keep.
  void watch_source() {
    if (s_.keep_time && jack_port_connected(in_) == 0) source_gone_.store(true);
  }

  void close_and_write() {
    jack_deactivate(client_);
    jack_client_close(client_);
    const std::vector<jack_nframes_t> began = cycles_.began();
    const auto frame_of = [&](std::size_t cycle, long at) {
      return static_cast<long>(began.at(cycle)) + at;
    };
    std::vector<long> onsets;
    for (std::size_t i = 0; i < onset_count_.load(); ++i)
      onsets.push_back(frame_of(onsets_[i].cycle, onsets_[i].at));
    std::FILE* f = std::fopen(s_.truth.c_str(), "w");
    if (f == nullptr) return;
    // click_index counts the clicks heard from 0; a stroke aimed past the last click has none.
    std::fprintf(f,
                 "click_index,click_frame,stroke_frame,note,offset_ms,heard,part,aim_frame,"
                 "velocity,hand\n");
    for (std::size_t r = 0; r < record_count_.load(); ++r) {
      const Record& rec = records_[r];
      const long stroke = frame_of(rec.cycle, rec.at);
      // The click the stroke was meant for: the heard onset nearest the prediction.
      long best = -1;
      for (std::size_t i = 0; i < onsets.size(); ++i) {
        if (best < 0 || std::labs(onsets[i] - static_cast<long>(rec.predicted)) <
                            std::labs(onsets[static_cast<std::size_t>(best)] -
                                      static_cast<long>(rec.predicted)))
          best = static_cast<long>(i);
      }
      const long click = best < 0 ? 0 : onsets[static_cast<std::size_t>(best)];
      if (rec.scripted || best < 0 ||
          std::labs(click - static_cast<long>(rec.predicted)) * 2 >
              static_cast<long>(rec.interval)) {
        // No click where it aimed: played through silence, against its own predicted beat.
        const long aim = static_cast<long>(rec.predicted) + static_cast<long>(rec.aim);
        std::fprintf(f, "-1,%ld,%ld,%d,%.4f,0,%d,%ld,%d,%c\n", static_cast<long>(rec.predicted),
                     stroke, rec.note,
                     (static_cast<double>(stroke) - static_cast<double>(aim)) * 1000.0 / rate_,
                     rec.part, aim, rec.velocity, rec.hand);
        continue;
      }
      const long aim = click + static_cast<long>(rec.aim);
      std::fprintf(f, "%ld,%ld,%ld,%d,%.4f,1,%d,%ld,%d,%c\n", best, click, stroke, rec.note,
                   static_cast<double>(stroke - aim) * 1000.0 / rate_, rec.part, aim, rec.velocity,
                   rec.hand);
    }
    std::fclose(f);
    write_frames(s_.onsets, std::vector<jack_nframes_t>(onsets.begin(), onsets.end()));
    write_frames(s_.missed, cycles_.missed(began));
    const std::lock_guard<std::mutex> lock(xruns_mutex_);
    write_frames(s_.xruns, xruns_);
  }

 private:
  static void write_frames(const std::string& path, const std::vector<jack_nframes_t>& frames) {
    if (path.empty()) return;
    std::FILE* f = std::fopen(path.c_str(), "w");
    if (f == nullptr) return;
    for (const jack_nframes_t frame : frames) std::fprintf(f, "%ld\n", static_cast<long>(frame));
    std::fclose(f);
  }

  // [notification thread] The latencies it declares, as a sound card's ports would; nothing runs
  // through it from its audio input to its MIDI output.
  void declare_latency(jack_latency_callback_mode_t mode) {
    jack_latency_range_t range{};
    if (mode == JackPlaybackLatency) {
      range = {s_.playback_latency, s_.playback_latency};
      jack_port_set_latency_range(in_, mode, &range);
    } else {
      range = {s_.capture_latency, s_.capture_latency};
      jack_port_set_latency_range(out_, mode, &range);
    }
  }

  int process(jack_nframes_t frames) {
    const jack_nframes_t start = jack_last_frame_time(client_);
    const std::size_t cycle = cycles_.record(start, frames);
    const auto* audio = static_cast<const float*>(jack_port_get_buffer(in_, frames));
    void* midi = jack_port_get_buffer(out_, frames);
    jack_midi_clear_buffer(midi);
    for (jack_nframes_t i = 0; i < frames; ++i) {
      if (audio[i] == 0.0f) {
        ++silent_;
      } else {
        // Every click voice starts at zero: the first sound is one frame after the onset.
        if (silent_ >= kSilenceBeforeOnset) heard(start + i - 1, {cycle, static_cast<long>(i) - 1});
        silent_ = 0;
      }
      // An onset is found one frame late, so the frames up to beat + interval / 2 - 1 have all
      // been listened to once this frame reaches beat + interval / 2.
      if (keeping_time_ && static_cast<std::int32_t>(start + i - (beat_ + interval_ / 2)) >= 0) {
        play_through_silence();
      }
    }
    plan_hits(start, frames);
    // JACK takes a period's events in frame order only: the due strokes first, earliest first.
    std::size_t due = 0;
    for (std::size_t p = 0; p < pending_count_; ++p) {
      if (static_cast<std::int32_t>(pending_[p].frame - start) < static_cast<std::int32_t>(frames))
        std::swap(pending_[p], pending_[due++]);
    }
    std::sort(pending_, pending_ + due, [&](const Planned& a, const Planned& b) {
      return static_cast<std::int32_t>(a.frame - b.frame) < 0;
    });
    for (std::size_t p = 0; p < due; ++p) {
      const Planned& stroke = pending_[p];
      {
        jack_nframes_t at =
            static_cast<std::int32_t>(stroke.frame - start) < 0 ? 0 : stroke.frame - start;
        if (s_.edge_strokes) {
          const long kind = edge_count_++ % 3;  // first frame, last frame, where it falls
          if (kind < 2) at = kind == 0 ? 0 : frames - 1;
        }
        const unsigned char note_on[3] = {0x99, static_cast<unsigned char>(stroke.note),
                                          stroke.velocity};
        jack_midi_event_write(midi, at, note_on, 3);
        const std::size_t r = record_count_.load(std::memory_order_relaxed);
        if (r < kMaxRecords) {
          records_.push_back({stroke.predicted, cycle, at, stroke.interval, stroke.note,
                              stroke.part, stroke.aim, stroke.velocity, stroke.hand,
                              stroke.scripted});
          record_count_.store(r + 1, std::memory_order_release);
        }
      }
    }
    // The strokes still to come move down over the written ones.
    std::move(pending_ + due, pending_ + pending_count_, pending_);
    pending_count_ -= due;
    return 0;
  }

  // --hits due in the cycle from `start`: timed from the first cycle after the ports were
  // connected.
  void plan_hits(jack_nframes_t start, jack_nframes_t frames) {
    if (next_hit_ >= s_.hits.size() || !connected_.load(std::memory_order_acquire)) return;
    if (!script_started_) {
      script_start_ = start;
      script_started_ = true;
    }
    while (next_hit_ < s_.hits.size() && pending_count_ < kMaxPending) {
      const auto [note, seconds] = s_.hits[next_hit_];
      const jack_nframes_t frame =
          script_start_ + static_cast<jack_nframes_t>(std::lround(seconds * rate_));
      if (static_cast<std::int32_t>(frame - start) >= static_cast<std::int32_t>(frames)) return;
      pending_[pending_count_++] = {frame, frame, 0, note, 0, 0, kVelocity, '-', true};
      ++next_hit_;
    }
  }

  // `onset` on the frame clock as this cycle read it (to plan by), `where` in the cycle.
  void heard(jack_nframes_t onset, Onset where) {
    const std::size_t n = onset_count_.load(std::memory_order_relaxed);
    if (n < kMaxRecords) {
      onsets_.push_back(where);  // capacity reserved
      onset_count_.store(n + 1, std::memory_order_release);
    }
    if (n == 0) {
      first_onset_ = onset;
      last_onset_ = onset;
      return;
    }
    if (s_.keep_time) {
      // The interval is measured between two clicks in a row, never across a silence.
      if (silent_beats_ == 0) interval_ = onset - last_onset_;
      last_onset_ = onset;
      silent_beats_ = 0;
      // This click falls on the beat already planned (heard or through silence): plan the next.
      beat_ = onset + interval_;
      keeping_time_ = !source_gone_.load(std::memory_order_relaxed);
      plan(beat_, interval_, static_cast<long>(n) + 1);
      return;
    }
    const jack_nframes_t interval = onset - last_onset_;
    last_onset_ = onset;
    plan(onset + interval, interval, static_cast<long>(n) + 1);  // the beat of heard click n + 1
  }

  // Half an interval after the beat it last planned and no click heard: the drummer plays on.
  void play_through_silence() {
    if (source_gone_.load(std::memory_order_relaxed)) {
      keeping_time_ = false;
      return;
    }
    ++silent_beats_;
    beat_ += interval_;
    // The number the next heard click will have: the strokes on the first click back keep to it.
    plan(beat_, interval_, static_cast<long>(onset_count_.load(std::memory_order_relaxed)));
  }

  // The --subdivide N strokes of the beat at `predicted` (a frame), spread over the interval;
  // `beat` numbers it as click_index numbers the heard clicks (see the top).
  void plan(jack_nframes_t predicted, jack_nframes_t interval, long beat) {
    for (int part = 0; part < s_.subdivide; ++part) {
      const long position = beat * s_.subdivide + part;
      if (s_.position_notes.empty()) {
        plan_stroke(predicted, interval, part, position, s_.notes[note_index_ % s_.notes.size()]);
        continue;
      }
      const auto& notes =
          s_.position_notes[static_cast<std::size_t>(position) % s_.position_notes.size()];
      for (const int note : notes) plan_stroke(predicted, interval, part, position, note);
    }
  }

  // The hand of stroke position `position`: R, L, B, or - without --sticking.
  char hand_at(long position) const {
    if (s_.sticking.empty()) return '-';
    return s_.sticking[static_cast<std::size_t>(position) % s_.sticking.size()];
  }

  // A hand's value, `hand` R or L its own, B the mean of both, - `none`.
  static double per_hand(char hand, const std::array<double, 2>& of, double none) {
    if (hand == 'R') return of[0];
    if (hand == 'L') return of[1];
    if (hand == 'B') return (of[0] + of[1]) / 2.0;
    return none;
  }

  // The jitter SD (ms) of a stroke of `hand`: the hand's own, or --jitter-ms.
  double jitter_of(char hand) const {
    const std::array<double, 2> sd = {
        s_.hand_jitter_ms[0] >= 0.0 ? s_.hand_jitter_ms[0] : s_.jitter_ms,
        s_.hand_jitter_ms[1] >= 0.0 ? s_.hand_jitter_ms[1] : s_.jitter_ms};
    return per_hand(hand, sd, s_.jitter_ms);
  }

  // The note-on's velocity: the hand's (B: the larger), or with --velocities the position's
  // scaled by the hand's percentage.
  unsigned char velocity_of(char hand, long position) const {
    int of_hand = kVelocity;
    if (hand == 'R' || hand == 'L') of_hand = s_.hand_velocity[hand == 'R' ? 0 : 1];
    if (hand == 'B') of_hand = std::max(s_.hand_velocity[0], s_.hand_velocity[1]);
    if (s_.velocities.empty()) return static_cast<unsigned char>(of_hand);
    const int v = s_.velocities[static_cast<std::size_t>(position) % s_.velocities.size()];
    return static_cast<unsigned char>(
        std::clamp(static_cast<int>(std::lround(v * of_hand / 100.0)), 1, 127));
  }

  // Where part k of N falls in the interval, from 0 to 1: k / N, the odd parts swung.
  double warp(int part) const {
    const int pair = part - part % 2;
    return (pair + (part % 2 == 1 ? 2.0 * s_.swing : 0.0)) / s_.subdivide;
  }

  // One stroke aimed at `part` of the beat at `predicted`, stroke position `position`, unless
  // this is one to leave out.
  void plan_stroke(jack_nframes_t predicted, jack_nframes_t interval, int part, long position,
                   int note) {
    if (s_.miss_every > 0 && ++stroke_number_ % s_.miss_every == 0) return;
    const char hand = hand_at(position);
    const double bpm = 60.0 * rate_ / (static_cast<double>(interval) * s_.clicks_per_beat);
    double jitter = jitter_of(hand);
    if (s_.limit_bpm > 0.0 && bpm > s_.limit_bpm)
      jitter += (bpm - s_.limit_bpm) * s_.limit_growth_ms;
    const auto aim = static_cast<jack_nframes_t>(std::lround(warp(part) * interval));
    const jack_nframes_t aimed = predicted + aim;
    const double since = (aimed - first_onset_) / rate_ - s_.drift_from_seconds;
    const double minutes = (since > 0.0 ? since : 0.0) / 60.0;
    const double note_bias = note >= 0 && note < 128 ? s_.note_bias_ms[note] : 0.0;
    const double hand_bias = per_hand(hand, s_.hand_bias_ms, 0.0);
    const double offset_ms = s_.bias_ms + note_bias + hand_bias + s_.drift_ms_per_min * minutes +
                             jitter * gaussian_(random_);
    const auto offset = static_cast<std::int32_t>(std::lround(offset_ms * rate_ / 1000.0));
    if (pending_count_ < kMaxPending) {
      ++note_index_;
      pending_[pending_count_++] = {aimed + static_cast<jack_nframes_t>(offset),
                                    predicted,
                                    interval,
                                    note,
                                    part,
                                    aim,
                                    velocity_of(hand, position),
                                    hand,
                                    false};
    }
  }

  Settings s_;
  std::mt19937 random_;
  std::normal_distribution<double> gaussian_;
  jack_client_t* client_ = nullptr;
  jack_port_t* in_ = nullptr;
  jack_port_t* out_ = nullptr;
  double rate_ = 48000.0;
  long silent_ = kSilenceBeforeOnset;
  jack_nframes_t first_onset_ = 0;
  std::size_t note_index_ = 0;
  long stroke_number_ = 0;
  // Keeping time (--keep-time): the interval it plays at, the last beat it planned, the last
  // click heard, and how many beats it has played through silence since.
  bool keeping_time_ = false;
  jack_nframes_t interval_ = 0;
  jack_nframes_t beat_ = 0;
  jack_nframes_t last_onset_ = 0;
  long silent_beats_ = 0;
  std::atomic<bool> source_gone_{false};
  std::atomic<bool> connected_{false};
  bool script_started_ = false;
  jack_nframes_t script_start_ = 0;  // where the --hits are timed from
  std::size_t next_hit_ = 0;
  Planned pending_[kMaxPending];
  std::size_t pending_count_ = 0;
  long edge_count_ = 0;
  CycleTimes cycles_;
  std::vector<Onset> onsets_;
  std::atomic<std::size_t> onset_count_{0};
  std::vector<Record> records_;
  std::atomic<std::size_t> record_count_{0};
  std::mutex xruns_mutex_;
  std::vector<jack_nframes_t> xruns_;  // the frame time when each xrun was told
};

// A whole number from `low` to `high`, and nothing after it.
bool parse_int(const char* text, long low, long high, long& value) {
  char* end = nullptr;
  errno = 0;
  value = std::strtol(text, &end, 10);
  return end != text && *end == '\0' && errno == 0 && value >= low && value <= high;
}

// A finite number, and nothing after it.
bool parse_double(const char* text, double& value) {
  char* end = nullptr;
  errno = 0;
  value = std::strtod(text, &end);
  return end != text && *end == '\0' && errno == 0 && std::isfinite(value);
}

// "38:10,42:-5": a bias in ms for each MIDI note given, each note once.
bool parse_note_bias(const char* text, std::array<double, 128>& bias_ms) {
  std::vector<bool> given(bias_ms.size(), false);
  std::string rest = text;
  while (true) {
    const std::size_t comma = rest.find(',');
    const std::string item = rest.substr(0, comma);
    const std::size_t colon = item.find(':');
    if (colon == std::string::npos) return false;
    const std::string note_text = item.substr(0, colon), ms_text = item.substr(colon + 1);
    long note = 0;
    double ms = 0.0;
    if (!parse_int(note_text.c_str(), 0, 127, note) || !parse_double(ms_text.c_str(), ms) ||
        given[static_cast<std::size_t>(note)])
      return false;
    given[static_cast<std::size_t>(note)] = true;
    bias_ms[static_cast<std::size_t>(note)] = ms;
    if (comma == std::string::npos) return true;
    rest = rest.substr(comma + 1);
  }
}

// "L:5,R:-1": a value for each hand given, R or L, each hand once; `read` takes the hand (0 R,
// 1 L) and the value's text and says whether it is good.
template <typename Read>
bool parse_hands(const char* text, Read read) {
  std::array<bool, 2> given = {false, false};
  std::string rest = text;
  while (true) {
    const std::size_t comma = rest.find(',');
    const std::string item = rest.substr(0, comma);
    if (item.size() < 3 || item[1] != ':' || (item[0] != 'R' && item[0] != 'L')) return false;
    const std::size_t hand = item[0] == 'R' ? 0 : 1;
    if (given[hand] || !read(hand, item.substr(2))) return false;
    given[hand] = true;
    if (comma == std::string::npos) return true;
    rest = rest.substr(comma + 1);
  }
}

// "RLRR LRLL": the marks R, L and B, spaces and '|' left out; at least one.
bool parse_sticking(const char* text, std::string& sticking) {
  sticking.clear();
  for (const char* p = text; *p != '\0'; ++p) {
    if (*p == ' ' || *p == '|') continue;
    if (*p != 'R' && *p != 'L' && *p != 'B') return false;
    sticking.push_back(*p);
  }
  return !sticking.empty();
}

// "110,70,70,70": whole numbers from 1 to 127, at least one.
bool parse_velocities(const char* text, std::vector<int>& velocities) {
  velocities.clear();
  std::string rest = text;
  while (true) {
    const std::size_t comma = rest.find(',');
    long v = 0;
    if (!parse_int(rest.substr(0, comma).c_str(), 1, 127, v)) return false;
    velocities.push_back(static_cast<int>(v));
    if (comma == std::string::npos) return true;
    rest = rest.substr(comma + 1);
  }
}

// "57@8.5,57@12": notes (0 to 127) at seconds (0 or more), put in time order.
bool parse_hits(const char* text, std::vector<std::pair<int, double>>& hits) {
  hits.clear();
  std::string rest = text;
  while (true) {
    const std::size_t comma = rest.find(',');
    const std::string item = rest.substr(0, comma);
    const std::size_t at = item.find('@');
    long note = 0;
    double seconds = 0.0;
    if (at == std::string::npos || !parse_int(item.substr(0, at).c_str(), 0, 127, note) ||
        !parse_double(item.substr(at + 1).c_str(), seconds) || seconds < 0.0)
      return false;
    hits.emplace_back(static_cast<int>(note), seconds);
    if (comma == std::string::npos) break;
    rest = rest.substr(comma + 1);
  }
  std::stable_sort(hits.begin(), hits.end(),
                   [](const auto& a, const auto& b) { return a.second < b.second; });
  return true;
}

// "36+42,.,42": the notes of each position (0 to 127), '.' none.
bool parse_position_notes(const char* text, std::vector<std::vector<int>>& out) {
  out.clear();
  std::string rest = text;
  while (true) {
    const std::size_t comma = rest.find(',');
    const std::string entry = rest.substr(0, comma);
    std::vector<int> notes;
    if (entry != ".") {
      std::size_t from = 0;
      while (true) {
        const std::size_t plus = entry.find('+', from);
        long note = 0;
        if (!parse_int(entry.substr(from, plus - from).c_str(), 0, 127, note)) return false;
        notes.push_back(static_cast<int>(note));
        if (plus == std::string::npos) break;
        from = plus + 1;
      }
    }
    out.push_back(std::move(notes));
    if (comma == std::string::npos) return true;
    rest = rest.substr(comma + 1);
  }
}

int bad_value(const std::string& key, const char* value, const char* wanted) {
  std::fprintf(stderr, "virtual_drummer: %s %s: %s\n", key.c_str(), value, wanted);
  return 2;
}

}  // namespace

int main(int argc, char** argv) {
  Settings s;
  std::string hand_option;  // one of the options that need --sticking, if given
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string key = argv[i];
    const char* value = argv[i + 1];
    if (key == "--listen")
      s.listen = value;
    else if (key == "--play-to")
      s.play_to = value;
    else if (key == "--truth")
      s.truth = value;
    else if (key == "--xruns")
      s.xruns = value;
    else if (key == "--missed")
      s.missed = value;
    else if (key == "--onsets")
      s.onsets = value;
    else if (key == "--edge-strokes")
      s.edge_strokes = std::atoi(value) != 0;
    else if (key == "--playback-latency")
      s.playback_latency = static_cast<jack_nframes_t>(std::atoi(value));
    else if (key == "--capture-latency")
      s.capture_latency = static_cast<jack_nframes_t>(std::atoi(value));
    else if (key == "--bias-ms")
      s.bias_ms = std::atof(value);
    else if (key == "--jitter-ms")
      s.jitter_ms = std::atof(value);
    else if (key == "--drift-ms-per-min")
      s.drift_ms_per_min = std::atof(value);
    else if (key == "--drift-from-seconds")
      s.drift_from_seconds = std::atof(value);
    else if (key == "--keep-time")
      s.keep_time = std::atoi(value) != 0;
    else if (key == "--limit-bpm")
      s.limit_bpm = std::atof(value);
    else if (key == "--clicks-per-beat")
      s.clicks_per_beat = std::atoi(value);
    else if (key == "--miss-every")
      s.miss_every = std::atoi(value);
    else if (key == "--notes")
      s.notes = parse_notes(value);
    else if (key == "--subdivide") {
      long n = 0;
      if (!parse_int(value, 1, kMaxSubdivide, n))
        return bad_value(key, value, "wants a whole number of strokes per interval, 1 to 16");
      s.subdivide = static_cast<int>(n);
    } else if (key == "--swing") {
      double percent = 0.0;
      if (!parse_double(value, percent) || percent < 50.0 || percent > 75.0)
        return bad_value(key, value, "wants a percent from 50 to 75");
      s.swing = percent / 100.0;
    } else if (key == "--note-bias") {
      if (!parse_note_bias(value, s.note_bias_ms))
        return bad_value(key, value,
                         "wants NOTE:MS,... with each MIDI note (0 to 127) once, e.g. 38:10,42:-5");
    } else if (key == "--sticking") {
      if (!parse_sticking(value, s.sticking))
        return bad_value(key, value,
                         "wants marks R, L or B (both hands), spaces and '|' ignored, e.g. "
                         "\"RLRR LRLL\"");
    } else if (key == "--hand-bias") {
      std::array<double, 2> ms = {};
      if (!parse_hands(value, [&](std::size_t hand, const std::string& text) {
            return parse_double(text.c_str(), ms[hand]);
          }))
        return bad_value(key, value, "wants HAND:MS,... with R and L each at most once, e.g. L:5");
      s.hand_bias_ms = ms;
      hand_option = key;
    } else if (key == "--hand-jitter") {
      std::array<double, 2> sd = {-1.0, -1.0};
      if (!parse_hands(value, [&](std::size_t hand, const std::string& text) {
            return parse_double(text.c_str(), sd[hand]) && sd[hand] >= 0.0;
          }))
        return bad_value(key, value,
                         "wants HAND:SD,... with R and L each at most once and SD 0 or more, "
                         "e.g. L:3");
      s.hand_jitter_ms = sd;
      hand_option = key;
    } else if (key == "--hand-velocity") {
      std::array<int, 2> velocity = {kVelocity, kVelocity};
      if (!parse_hands(value, [&](std::size_t hand, const std::string& text) {
            long v = 0;
            if (!parse_int(text.c_str(), 1, 127, v)) return false;
            velocity[hand] = static_cast<int>(v);
            return true;
          }))
        return bad_value(key, value,
                         "wants HAND:VELOCITY,... with R and L each at most once and VELOCITY 1 to "
                         "127, e.g. R:100,L:80");
      s.hand_velocity = velocity;
      hand_option = key;
    } else if (key == "--velocities") {
      if (!parse_velocities(value, s.velocities))
        return bad_value(key, value, "wants velocities 1 to 127, e.g. 110,70,70,70");
    } else if (key == "--position-notes") {
      if (!parse_position_notes(value, s.position_notes))
        return bad_value(key, value,
                         "wants the notes of each position, '+' between notes and '.' a rest, "
                         "e.g. 36+42,.,42,.");
    } else if (key == "--hits") {
      if (!parse_hits(value, s.hits))
        return bad_value(key, value, "wants NOTE@SECONDS,... e.g. 49@1.0,57@8.5");
    } else if (key == "--seed")
      s.seed = static_cast<unsigned>(std::atoi(value));
    else if (key == "--seconds")
      s.seconds = std::atof(value);
    else if (key == "--name")
      s.name = value;
    else {
      std::fprintf(stderr, "virtual_drummer: unknown option %s\n", key.c_str());
      return 2;
    }
  }
  if (s.swing != 0.5 && s.subdivide % 2 != 0) {
    std::fprintf(stderr, "virtual_drummer: --swing needs an even --subdivide (it swings pairs)\n");
    return 2;
  }
  if (!hand_option.empty() && s.sticking.empty()) {
    std::fprintf(stderr, "virtual_drummer: %s needs --sticking (it says which hand plays)\n",
                 hand_option.c_str());
    return 2;
  }
  if (s.listen.empty() || s.play_to.empty() || s.truth.empty() || s.notes.empty()) {
    std::fprintf(
        stderr, "usage: virtual_drummer --listen PORT --play-to PORT --truth FILE.csv [options]\n");
    return 2;
  }
  std::signal(SIGTERM, on_signal);
  std::signal(SIGINT, on_signal);
  Drummer drummer(s);
  if (!drummer.open()) {
    std::fprintf(stderr, "virtual_drummer: cannot open a JACK client (is the server running?)\n");
    return 1;
  }
  drummer.connect_when_ready();
  const auto began = std::chrono::steady_clock::now();
  while (!stop.load()) {
    if (s.seconds > 0 &&
        std::chrono::steady_clock::now() - began > std::chrono::duration<double>(s.seconds))
      break;
    drummer.watch_source();
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  drummer.close_and_write();
  return 0;
}
