#pragma once

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <fstream>
#include <functional>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "jack_server.hpp"

namespace pocket::test {

// One stroke of the virtual drummer, from its CSV.
struct DrummerStroke {
  long click_index = 0;  // the click it was aimed at, counted from 0; -1 when not heard
  long click_frame = 0;  // that click, or the beat the drummer predicted when not heard
  long stroke_frame = 0;
  int note = 0;
  double offset_ms = 0.0;  // from aim_frame
  // false: played through silence (keep_time), aimed at the drummer's own predicted beat.
  bool heard = true;
  int part = 0;        // k of the drummer's --subdivide N strokes per beat
  long aim_frame = 0;  // where it aimed before bias, jitter and drift: click_frame for part 0
  int velocity = 0;
  char hand = '-';  // R, L, B (both) or - (no --sticking)
};

struct DrummerOptions {
  double bias_ms = 0.0;
  double jitter_ms = 1.0;
  double drift_ms_per_min = 0.0;
  double drift_from_seconds = 0.0;  // the drift starts this long after the first click heard
  double limit_bpm = 0.0;
  int clicks_per_beat = 1;
  std::string notes = "38";
  int miss_every = 0;
  unsigned seed = 1;
  bool keep_time = false;        // play on through silence (gap bars) at the last interval heard
  bool edge_strokes = false;     // two strokes of three on the first or last frame of a period
  int playback_latency = 0;      // frames its audio input declares, as a sound card's output would
  int capture_latency = 0;       // frames its MIDI output declares, as a kit's interface would
  std::string name = "drummer";  // the JACK client, e.g. named like a kit's module
  std::string play_to = "pocket:midi_in";  // "none:none": pocket connects to it
  int subdivide = 1;                       // strokes per beat, spread over the interval
  double swing_percent = 50.0;             // where the odd strokes of pairs fall (subdivide even)
  std::string note_bias;                   // "38:10,42:-5": ms added to bias_ms per MIDI note
  // Two hands: "RLRR LRLL", a hand per stroke position (click_index * subdivide + part), cycling.
  std::string sticking;
  std::string hand_bias;      // "L:5,R:-1": ms added to that hand's strokes (needs sticking)
  std::string hand_jitter;    // "L:3": that hand's jitter SD in ms instead of jitter_ms
  std::string hand_velocity;  // "R:100,L:80": velocity, or a percentage with velocities
  std::string velocities;     // "110,70,70,70": a velocity per stroke position, cycling
  // A groove: "36+42,.,42,." the notes of each stroke position, cycling, instead of `notes`.
  std::string position_notes;
  // "49@1.0,57@8.5": a note struck so many seconds after the drummer connected, heard or not.
  std::string hits;
};

// Where the server did not run a client on time, on its frame clock: the cycles pocket missed
// or ran late (its JSON's audio.late_cycles) and those the drummer missed (it heard nothing of
// them). A click or stroke near one may have moved or been lost before anyone could read it;
// nothing else moves them, however many xruns the server tells of. A span covers the cycles
// concerned and a period either side.
class Disturbances {
 public:
  explicit Disturbances(long period) : period_(period) {}

  void add_drummer_missed(const std::vector<long>& frames) {
    for (long f : frames) spans_.push_back({f - period_, f + 2 * period_});
  }
  void add_pocket(const nlohmann::json& pocket_json) {
    for (const auto& c : pocket_json["audio"]["late_cycles"]) {
      const long frame = c["server_frame"].get<long>();
      const long missed = c["missed"].get<long>();
      spans_.push_back({frame - (missed + 1) * period_, frame + 2 * period_});
      if (missed > 0) slips_.push_back({frame, missed * period_});
    }
  }
  // Where pocket's own record is lost (a kill -9): the xruns the server told of, each told up to
  // a quarter of a second after the cycle it concerned.
  void add_server_xruns(const std::vector<long>& frames) {
    for (long f : frames) spans_.push_back({f - 48000 / 4 - period_, f + period_});
  }

  bool between(long from, long to) const {
    return std::any_of(spans_.begin(), spans_.end(),
                       [&](const Span& s) { return s.to >= from && s.from <= to; });
  }
  // The frames pocket's click slipped by between `from` and `to`: a cycle pocket missed plays
  // the rest of the click that much later.
  long slip_between(long from, long to) const {
    long slip = 0;
    for (const Slip& s : slips_) slip += s.frame > from && s.frame <= to ? s.frames : 0;
    return slip;
  }
  std::size_t size() const { return spans_.size(); }

 private:
  struct Span {
    long from, to;
  };
  struct Slip {
    long frame, frames;
  };
  long period_;
  std::vector<Span> spans_;
  std::vector<Slip> slips_;
};

struct Stats {
  std::size_t count = 0;
  double mean = 0.0;
  double sd = 0.0;
};

inline Stats stats_of(const std::vector<double>& values) {
  Stats s{values.size(), 0.0, 0.0};
  for (double v : values) s.mean += v / static_cast<double>(values.size());
  for (double v : values) s.sd += (v - s.mean) * (v - s.mean);
  s.sd = std::sqrt(s.sd / static_cast<double>(values.size() - 1));
  return s;
}

// An audio server (a JACK server, or PipeWire: see tests/pipewire), a folder for the config and
// the files, the virtual drummer and pocket.
template <typename Server>
class BasicLiveRig {
 public:
  template <typename... ServerArgs>
  explicit BasicLiveRig(ServerArgs&&... server_args)
      : jack_(std::forward<ServerArgs>(server_args)...) {
    setenv("XDG_CONFIG_HOME", (dir_ / "config").c_str(), 1);
    setenv("POCKET_DB", (dir_ / "history.sqlite").c_str(), 1);
  }

  const TempDir& dir() const { return dir_; }
  Server& jack() { return jack_; }

  // Until a client has registered `port` (e.g. a module's "TD-17:midi_out").
  void wait_for_port(const std::string& port) const {
    for (int attempt = 0; attempt < 100; ++attempt) {
      if (run_command("/usr/bin/jack_lsp", {}, dir_.path()).out.find(port) != std::string::npos)
        return;
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    throw std::runtime_error(port + " did not appear");
  }

  // The virtual drummer's command line: it plays `d` and writes what it played, the server's
  // xruns and the cycles it missed to those files.
  static std::vector<std::string> drummer_args(const DrummerOptions& d,
                                               const std::filesystem::path& truth,
                                               const std::filesystem::path& xruns,
                                               const std::filesystem::path& missed) {
    std::vector<std::string> args;
    args = {"--listen",
            "pocket:out_0",
            "--play-to",
            d.play_to,
            "--name",
            d.name,
            "--truth",
            truth.string(),
            "--xruns",
            xruns.string(),
            "--missed",
            missed.string(),
            "--edge-strokes",
            d.edge_strokes ? "1" : "0",
            "--playback-latency",
            std::to_string(d.playback_latency),
            "--capture-latency",
            std::to_string(d.capture_latency),
            "--bias-ms",
            std::to_string(d.bias_ms),
            "--jitter-ms",
            std::to_string(d.jitter_ms),
            "--drift-ms-per-min",
            std::to_string(d.drift_ms_per_min),
            "--drift-from-seconds",
            std::to_string(d.drift_from_seconds),
            "--limit-bpm",
            std::to_string(d.limit_bpm),
            "--clicks-per-beat",
            std::to_string(d.clicks_per_beat),
            "--notes",
            d.notes,
            "--miss-every",
            std::to_string(d.miss_every),
            "--seed",
            std::to_string(d.seed),
            "--keep-time",
            d.keep_time ? "1" : "0"};
    if (d.subdivide != 1) args.insert(args.end(), {"--subdivide", std::to_string(d.subdivide)});
    if (d.swing_percent != 50.0)
      args.insert(args.end(), {"--swing", std::to_string(d.swing_percent)});
    if (!d.note_bias.empty()) args.insert(args.end(), {"--note-bias", d.note_bias});
    if (!d.sticking.empty()) args.insert(args.end(), {"--sticking", d.sticking});
    if (!d.hand_bias.empty()) args.insert(args.end(), {"--hand-bias", d.hand_bias});
    if (!d.hand_jitter.empty()) args.insert(args.end(), {"--hand-jitter", d.hand_jitter});
    if (!d.hand_velocity.empty()) args.insert(args.end(), {"--hand-velocity", d.hand_velocity});
    if (!d.velocities.empty()) args.insert(args.end(), {"--velocities", d.velocities});
    if (!d.position_notes.empty()) args.insert(args.end(), {"--position-notes", d.position_notes});
    if (!d.hits.empty()) args.insert(args.end(), {"--hits", d.hits});
    return args;
  }

  // Runs `session` while the drummer plays; returns what the drummer played.
  std::vector<DrummerStroke> with_drummer(const DrummerOptions& d,
                                          const std::function<void()>& session) {
    const auto truth = dir_ / "truth.csv";
    const auto xruns = dir_ / "xruns.txt";
    const auto missed = dir_ / "missed.txt";
    const auto onsets = dir_ / "onsets.txt";
    for (const auto& file : {truth, xruns, missed, onsets}) std::filesystem::remove(file);
    std::vector<std::string> args = drummer_args(d, truth, xruns, missed);
    args.insert(args.end(), {"--onsets", onsets.string()});
    BackgroundProcess drummer(VIRTUAL_DRUMMER_BINARY, args, dir_ / "drummer.out",
                              dir_ / "drummer.err");
    session();
    drummer.stop();
    xruns_ = read_frames(xruns);
    drummer_missed_ = read_frames(missed);
    onsets_ = read_frames(onsets);
    return read_truth(truth);
  }

  // A `pocket play` of 60 bars at 120 BPM, uncalibrated, with the drummer: the server is
  // killed after `seconds`, and what pocket did then.
  struct KilledUnder {
    std::vector<DrummerStroke> played;
    int exit_code = -1;
    std::chrono::steady_clock::duration took{};  // from the kill to pocket's end
    std::string out, err;
  };
  KilledUnder kill_server_during_play(const DrummerOptions& d, std::chrono::seconds seconds) {
    KilledUnder k;
    k.played = with_drummer(d, [&] {
      BackgroundProcess pocket(
          POCKET_BINARY,
          pocket_args({"play", "--bpm", "120", "--bars", "60", "--calibration-ms", "0"}),
          dir_ / "play.out", dir_ / "play.err");
      std::this_thread::sleep_for(seconds);
      jack_.kill();
      const auto killed = std::chrono::steady_clock::now();
      k.exit_code = pocket.wait(std::chrono::seconds(20));
      k.took = std::chrono::steady_clock::now() - killed;
      k.out = read_text(dir_ / "play.out");
      k.err = read_text(dir_ / "play.err");
    });
    return k;
  }

  // The frame times at which the server told of an xrun during the last with_drummer().
  const std::vector<long>& server_xruns() const { return xruns_; }
  // The cycles the drummer missed during the last with_drummer().
  const std::vector<long>& drummer_missed() const { return drummer_missed_; }
  // The frame of every click the drummer heard during the last with_drummer().
  const std::vector<long>& onsets() const { return onsets_; }

  // What may have moved a click or a stroke of the last with_drummer(): pocket's late cycles
  // from its JSON, and the drummer's.
  Disturbances disturbances(const nlohmann::json& pocket_json) const {
    Disturbances d(jack_.period_frames());
    d.add_drummer_missed(drummer_missed_);
    d.add_pocket(pocket_json);
    return d;
  }
  // The same when pocket left no JSON (killed): the server's xruns stand for its late cycles.
  Disturbances disturbances_without_pocket() const {
    Disturbances d(jack_.period_frames());
    d.add_drummer_missed(drummer_missed_);
    d.add_server_xruns(xruns_);
    return d;
  }
  // Whether a stroke's click, the stroke, or the time between them lay near a disturbance.
  static bool disturbed(const DrummerStroke& s, const Disturbances& d) {
    return d.between(std::min(s.click_frame, s.stroke_frame),
                     std::max(s.click_frame, s.stroke_frame));
  }

  // The strokes in `played` (a plain drill after `count_in_clicks` clicks) that pocket's
  // strokes[] lacks: near a disturbance, lost before pocket could read it; any other is pocket's
  // loss.
  struct Unscored {
    std::vector<long> disturbed;    // click indexes
    std::vector<long> unexplained;  // click indexes
  };
  Unscored unscored(const std::vector<DrummerStroke>& played, const nlohmann::json& pocket_json,
                    long count_in_clicks) const {
    const Disturbances d = disturbances(pocket_json);
    std::set<long> scored_slots;
    for (const auto& s : pocket_json["strokes"]) scored_slots.insert(s["slot"].get<long>());
    Unscored result;
    for (const DrummerStroke& s : played) {
      if (scored_slots.count(s.click_index - count_in_clicks)) continue;
      (disturbed(s, d) ? result.disturbed : result.unexplained).push_back(s.click_index);
    }
    return result;
  }

  // A stroke pocket scored, beside the drummer's own record of it.
  struct Paired {
    DrummerStroke played;
    double pocket_offset_ms = 0.0;
  };
  static std::vector<Paired> paired(const std::vector<DrummerStroke>& played,
                                    const nlohmann::json& pocket_json, long count_in_clicks) {
    std::map<long, double> pocket_offsets;
    for (const auto& s : pocket_json["strokes"])
      pocket_offsets[s["slot"].get<long>()] = s["offset_ms"].get<double>();
    std::vector<Paired> pairs;
    for (const DrummerStroke& s : played) {
      const auto it = pocket_offsets.find(s.click_index - count_in_clicks);
      if (it != pocket_offsets.end()) pairs.push_back({s, it->second});
    }
    return pairs;
  }

  // Each stroke's offset as pocket measured it less the drummer's own, in whole frames at
  // 48 kHz (both are whole frames when every slot falls on one, e.g. at 150 BPM), for the
  // strokes away from disturbances; `disturbed` counts those left out.
  struct LoopFrames {
    std::vector<long> frames;
    std::size_t disturbed = 0;
    // The loop itself: what all strokes share (the click's way out and the stroke's way back).
    long median() const {
      std::vector<long> sorted = frames;
      std::nth_element(sorted.begin(), sorted.begin() + sorted.size() / 2, sorted.end());
      return sorted.at(sorted.size() / 2);
    }
  };
  LoopFrames loop_frames(const std::vector<DrummerStroke>& played,
                         const nlohmann::json& pocket_json, long count_in_clicks) const {
    const Disturbances d = disturbances(pocket_json);
    LoopFrames loop;
    for (const Paired& p : paired(played, pocket_json, count_in_clicks)) {
      if (disturbed(p.played, d)) {
        ++loop.disturbed;
        continue;
      }
      loop.frames.push_back(std::lround(p.pocket_offset_ms * 48.0) -
                            std::lround(p.played.offset_ms * 48.0));
    }
    return loop;
  }

  // The drummer's strokes checked one by one against strokes pocket kept (its JSON, the
  // history's export or a recovery file: each with slot, pad and offset_ms): each is there, on
  // the slot of the click it answered, of its pad, at the drummer's own offset plus the loop to
  // the frame. The slot comes from the click's frame (a beat of `beat_frames` after the first
  // click), so that drummers who came and went on one server are checked alike.
  struct KeptCheck {
    std::size_t checked = 0;
    std::size_t disturbed = 0;  // next to a late cycle: left out, and counted
    std::vector<std::string> missing;
    std::vector<std::string> moved;
  };
  struct KeptRange {
    long count_in_clicks = 4;
    long clicks_per_bar = 4;
    long beat_frames = 24000;  // 120 BPM
    long first_click = 0;      // the frame of the session's first click
    long last_bar = 0;         // the strokes of bars 0 to this one are checked
    long loop = -128;          // frames: period less output latency, on these rigs
  };
  static KeptCheck check_kept(const std::vector<DrummerStroke>& played, const nlohmann::json& kept,
                              const KeptRange& range, const Disturbances& d) {
    static const std::map<int, std::string> pads = {{36, "kick"}, {38, "snare"}, {42, "hihat"}};
    std::map<std::pair<long, std::string>, double> offsets;  // (slot, pad) -> offset_ms
    for (const auto& s : kept)
      offsets[{s["slot"].get<long>(), s["pad"].get<std::string>()}] = s["offset_ms"].get<double>();
    KeptCheck check;
    for (const DrummerStroke& s : played) {
      if (!s.heard) continue;
      const long slot =
          std::lround(static_cast<double>(s.click_frame - range.first_click) / range.beat_frames) -
          range.count_in_clicks;
      if (slot < 0 || slot / range.clicks_per_bar > range.last_bar) continue;
      if (disturbed(s, d)) {
        ++check.disturbed;
        continue;
      }
      ++check.checked;
      const std::string what = pads.at(s.note) + " on slot " + std::to_string(slot);
      const auto it = offsets.find({slot, pads.at(s.note)});
      if (it == offsets.end()) {
        check.missing.push_back(what);
      } else if (std::lround(it->second * 48.0) != std::lround(s.offset_ms * 48.0) + range.loop) {
        check.moved.push_back(what + " at " + std::to_string(it->second) + " ms, played " +
                              std::to_string(s.offset_ms) + " ms");
      }
    }
    return check;
  }
  // Pocket's number for each click the drummer heard (its onsets, in order). On a busy machine
  // the drummer can miss whole clicks, at the start (it connects once pocket's port is there)
  // or where its cycles were not run, and hear a click cut by a cycle pocket missed as two; its
  // click_index then counts from another click than pocket's. Each gap between onsets counts
  // the clicks it spans against the last gap of one click (a tempo change moves that by less
  // than half); the clicks pocket played (its JSON) less those counted were missed at the start.
  std::vector<long> click_numbers(const nlohmann::json& pocket_json) const {
    std::vector<long> numbers;
    if (onsets_.empty()) return numbers;
    std::vector<long> gaps;
    for (std::size_t i = 1; i < onsets_.size() && gaps.size() < 5; ++i)
      gaps.push_back(onsets_[i] - onsets_[i - 1]);
    std::sort(gaps.begin(), gaps.end());
    double one_click = gaps.empty() ? 1.0 : static_cast<double>(gaps[gaps.size() / 2]);
    numbers.push_back(0);
    for (std::size_t i = 1; i < onsets_.size(); ++i) {
      const auto gap = static_cast<double>(onsets_[i] - onsets_[i - 1]);
      const long clicks = std::lround(gap / one_click);
      if (clicks == 1) one_click = gap;
      numbers.push_back(numbers.back() + clicks);
    }
    const long missed_at_start = pocket_json["clicks"].get<long>() - (numbers.back() + 1);
    for (long& n : numbers) n += missed_at_start;
    return numbers;
  }
  // The frame of pocket's first click at a steady `beat_frames`.
  long first_click_frame(const nlohmann::json& pocket_json, long beat_frames) const {
    return onsets_.empty() ? 0 : onsets_.front() - click_numbers(pocket_json).front() * beat_frames;
  }
  // The drummer's strokes, each click_index the number of its click among pocket's (see
  // click_numbers).
  std::vector<DrummerStroke> numbered_by_onsets(const std::vector<DrummerStroke>& played,
                                                const nlohmann::json& pocket_json) const {
    const std::vector<long> numbers = click_numbers(pocket_json);
    std::vector<DrummerStroke> numbered = played;
    for (DrummerStroke& s : numbered) {
      const auto at = std::lower_bound(onsets_.begin(), onsets_.end(), s.click_frame);
      if (s.heard && at != onsets_.end() && *at == s.click_frame)
        s.click_index = numbers[static_cast<std::size_t>(at - onsets_.begin())];
    }
    return numbered;
  }
  // The frame of the first click the drummer heard: click 0, a beat before its first stroke's.
  static long first_click_of(const std::vector<DrummerStroke>& played, long beat_frames = 24000) {
    for (const DrummerStroke& s : played)
      if (s.heard) return s.click_frame - s.click_index * beat_frames;
    return 0;
  }

  // pocket with the JACK backends and a virtual MIDI port, run to its end.
  CommandResult pocket(std::vector<std::string> args) const {
    args.insert(args.end(), {"--midi-api", "jack", "--midi-in", "virtual", "--json", "--quiet"});
    return run_command(POCKET_BINARY, args, dir_.path());
  }

  std::vector<std::string> pocket_args(std::vector<std::string> args) const {
    args.insert(args.end(), {"--midi-api", "jack", "--midi-in", "virtual", "--json", "--quiet"});
    return args;
  }

  // Calibrates with a drummer who plays right on the click, to the frame; returns the saved
  // offset.
  double calibrate() {
    CommandResult result;
    DrummerOptions on_the_click;
    on_the_click.jitter_ms = 0.0;
    with_drummer(on_the_click, [&] {
      result = pocket({"calibrate", "--bpm", "150", "--clicks", "24"});
    });
    if (result.exit_code != 0) throw std::runtime_error("calibration failed: " + result.err);
    return nlohmann::json::parse(result.out)["calibration_ms"].get<double>();
  }

  static std::vector<long> read_frames(const std::filesystem::path& path) {
    std::vector<long> frames;
    std::ifstream lines(path);
    for (long frame = 0; lines >> frame;) frames.push_back(frame);
    return frames;
  }

  static std::vector<DrummerStroke> read_truth(const std::filesystem::path& path) {
    std::ifstream in(path);
    std::string line;
    std::getline(in, line);  // header
    std::vector<DrummerStroke> strokes;
    while (std::getline(in, line)) {
      DrummerStroke s;
      char comma;
      std::istringstream row(line);
      row >> s.click_index >> comma >> s.click_frame >> comma >> s.stroke_frame >> comma >>
          s.note >> comma >> s.offset_ms;
      int heard = 1;
      if (row >> comma >> heard) s.heard = heard != 0;
      if (!(row >> comma >> s.part >> comma >> s.aim_frame >> comma >> s.velocity)) {
        s.part = 0;  // a CSV of the drummer before subdivisions
        s.aim_frame = s.click_frame;
        s.velocity = 100;
      }
      char hand = '-';
      if (row >> comma >> hand) s.hand = hand;  // a CSV of the drummer before hands: '-'
      strokes.push_back(s);
    }
    return strokes;
  }

  // The drill's strokes: those aimed at heard clicks after the count-in (never the ones played
  // through silence).
  static std::vector<DrummerStroke> after_count_in(const std::vector<DrummerStroke>& all,
                                                   long count_in_clicks) {
    std::vector<DrummerStroke> drill;
    for (const DrummerStroke& s : all) {
      if (s.heard && s.click_index >= count_in_clicks) drill.push_back(s);
    }
    return drill;
  }

  static std::vector<double> offsets(const std::vector<DrummerStroke>& strokes) {
    std::vector<double> out;
    for (const DrummerStroke& s : strokes) out.push_back(s.offset_ms);
    return out;
  }

 private:
  Server jack_;
  TempDir dir_;
  std::vector<long> xruns_;
  std::vector<long> drummer_missed_;
  std::vector<long> onsets_;
};

using LiveRig = BasicLiveRig<JackServer>;

}  // namespace pocket::test
