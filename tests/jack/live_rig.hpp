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
  double offset_ms = 0.0;  // from click_frame
  // false: played through silence (keep_time), aimed at the drummer's own predicted beat.
  bool heard = true;
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
  std::string name = "drummer";  // the JACK client, e.g. named like a kit's module
  std::string play_to = "pocket:midi_in";  // "none:none": pocket connects to it
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

// A JACK server, a folder for the config and the files, the virtual drummer and pocket.
class LiveRig {
 public:
  explicit LiveRig(int period_frames = 128) : jack_(period_frames) {
    setenv("XDG_CONFIG_HOME", (dir_ / "config").c_str(), 1);
    setenv("POCKET_DB", (dir_ / "history.sqlite").c_str(), 1);
  }

  const TempDir& dir() const { return dir_; }
  JackServer& jack() { return jack_; }

  // Until a client has registered `port` (e.g. a module's "TD-17:midi_out").
  void wait_for_port(const std::string& port) const {
    for (int attempt = 0; attempt < 100; ++attempt) {
      if (run_command("/usr/bin/jack_lsp", {}, dir_.path()).out.find(port) != std::string::npos)
        return;
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    throw std::runtime_error(port + " did not appear");
  }

  // Runs `session` while the drummer plays; returns what the drummer played.
  std::vector<DrummerStroke> with_drummer(const DrummerOptions& d,
                                          const std::function<void()>& session) {
    const auto truth = dir_ / "truth.csv";
    const auto xruns = dir_ / "xruns.txt";
    std::filesystem::remove(truth);
    std::filesystem::remove(xruns);
    BackgroundProcess drummer(VIRTUAL_DRUMMER_BINARY,
                              {"--listen",
                               "pocket:out_0",
                               "--play-to",
                               d.play_to,
                               "--name",
                               d.name,
                               "--truth",
                               truth.string(),
                               "--xruns",
                               xruns.string(),
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
                               d.keep_time ? "1" : "0"},
                              dir_ / "drummer.out", dir_ / "drummer.err");
    session();
    drummer.stop();
    xruns_.clear();
    std::ifstream xrun_lines(xruns);
    for (long frame = 0; xrun_lines >> frame;) xruns_.push_back(frame);
    return read_truth(truth);
  }

  // The frame times at which the server told of an xrun during the last with_drummer().
  const std::vector<long>& server_xruns() const { return xruns_; }

  // A MIDI event lives for one cycle: when the server runs late and pocket's MIDI client misses
  // that cycle, the event is gone before pocket can read it, or comes a cycle late; the server
  // tells of an xrun a little later. So a stroke played at `frame` and followed by an xrun
  // within a quarter of a second may have been lost or delayed in the server.
  bool near_xrun(long frame) const { return xrun_between(frame, frame); }

  // Whether the server told of an xrun that may have fallen between the frames `from` and `to`:
  // a client that misses a cycle plays the rest of its audio a period late.
  bool xrun_between(long from, long to) const {
    constexpr long kTold = 48000 / 4;
    const long period = jack_.period_frames();
    return std::any_of(xruns_.begin(), xruns_.end(),
                       [&](long x) { return x >= from - period && x <= to + kTold; });
  }

  // The strokes in `played` (a plain drill after `count_in_clicks` clicks) that pocket's
  // strokes[] lacks: near an xrun, the server may have lost them; any other is pocket's loss.
  struct Unscored {
    std::vector<long> near_xrun;    // click indexes
    std::vector<long> unexplained;  // click indexes
  };
  Unscored unscored(const std::vector<DrummerStroke>& played, const nlohmann::json& pocket_json,
                    long count_in_clicks) const {
    std::set<long> scored_slots;
    for (const auto& s : pocket_json["strokes"]) scored_slots.insert(s["slot"].get<long>());
    Unscored result;
    for (const DrummerStroke& s : played) {
      if (scored_slots.count(s.click_index - count_in_clicks)) continue;
      (near_xrun(s.stroke_frame) ? result.near_xrun : result.unexplained).push_back(s.click_index);
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
  // strokes away from the server's xruns; `near_xrun` counts those left out.
  struct LoopFrames {
    std::vector<long> frames;
    std::size_t near_xrun = 0;
    // The loop itself: what all strokes share (the click's way out and the stroke's way back).
    long median() const {
      std::vector<long> sorted = frames;
      std::nth_element(sorted.begin(), sorted.begin() + sorted.size() / 2, sorted.end());
      return sorted.at(sorted.size() / 2);
    }
  };
  LoopFrames loop_frames(const std::vector<DrummerStroke>& played,
                         const nlohmann::json& pocket_json, long count_in_clicks) const {
    LoopFrames loop;
    for (const Paired& p : paired(played, pocket_json, count_in_clicks)) {
      if (near_xrun(p.played.stroke_frame)) {
        ++loop.near_xrun;  // may have come a cycle late
        continue;
      }
      loop.frames.push_back(std::lround(p.pocket_offset_ms * 48.0) -
                            std::lround(p.played.offset_ms * 48.0));
    }
    return loop;
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

  // Calibrates with a drummer who plays right on the click; returns the saved offset.
  double calibrate() {
    CommandResult result;
    with_drummer({}, [&] { result = pocket({"calibrate", "--bpm", "150", "--clicks", "24"}); });
    if (result.exit_code != 0) throw std::runtime_error("calibration failed: " + result.err);
    return nlohmann::json::parse(result.out)["calibration_ms"].get<double>();
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
  JackServer jack_;
  TempDir dir_;
  std::vector<long> xruns_;
};

}  // namespace pocket::test
