#include "live_session.hpp"

#include <atomic>
#include <chrono>
#include <cmath>
#include <csignal>
#include <thread>

#include <fmt/format.h>

#include "audio/click_sound.hpp"
#include "core/live_schedule.hpp"
#include "core/live_scorer.hpp"
#include "report/analysis_json.hpp"

namespace pocket::app {

namespace {

std::atomic<bool> interrupted{false};

extern "C" void on_interrupt(int) { interrupted.store(true); }

constexpr auto kPoll = std::chrono::milliseconds(5);
// Strokes may come this long after the end of a bar's last slot window.
constexpr double kLateStrokeSeconds = 0.050;

double stream_clock(const void* context) {
  return static_cast<const ClickStream*>(context)->stream_time();
}

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

std::string bar_line(const BarTally& bar, double bpm) {
  const Tally& t = bar.tally;
  return fmt::format(
      "bar {:>3} at {:g} BPM: {}/{} slots within 25 ms, mean {:+.0f} ms, SD {:.0f} ms", bar.bar + 1,
      bpm, t.within_25ms, t.hits + t.missed, t.mean_ms(), t.sd_ms());
}

std::string step_line(const StepResult& step, std::size_t index) {
  const RuleCheck& check = step.check;
  const std::string result =
      check.passed ? "solid"
      : check.statistic == "SD"
          ? fmt::format("not yet (the rule allows an SD up to {:g} ms)", check.limit)
          : fmt::format("not yet (the rule asks {:.0f}%)", check.limit * 100.0);
  return fmt::format("step {} at {:g} BPM{}: {:.0f}% of slots within 25 ms, SD {:.1f} ms: {}",
                     index + 1, step.bpm, step.complete ? "" : " (cut short)",
                     step.tally.slots_within_25ms() * 100.0, step.tally.sd_ms(), result);
}

}  // namespace

void install_interrupt_handler() {
  interrupted.store(false);
  std::signal(SIGINT, on_interrupt);
  std::signal(SIGTERM, on_interrupt);
}

LiveResult run_live_session(const LiveOptions& o) {
  const double rate = o.audio.sample_rate;
  const double start_bpm = o.ladder ? o.ladder->start_bpm : o.bpm;
  LiveSchedule schedule(o.meter, start_bpm, o.pattern, rate, o.ladder ? -1 : o.bars);
  const ClickSound sound = synthesize_click(o.sound, rate);
  const DrumMap map = DrumMap::load(o.drum_map);
  validate_grid(o.grid);
  std::optional<TempoLadder> ladder;
  if (o.ladder) ladder.emplace(*o.ladder);

  PortAudioSession audio_session;
  ClickStream stream(schedule, sound, o.audio);
  MidiInput midi(o.midi, map, StreamClock{stream_clock, &stream});

  LiveResult result;
  result.audio_device = stream.device().host_api + " / " + stream.device().name;
  result.midi_port = midi.port_name();
  result.pad_names = map.pad_names();
  // JACK delivers MIDI once per period; for ALSA's kernel timestamps 1 ms is assumed, unmeasured.
  result.precision_bound_ms = o.midi.api == "jack" ? 1000.0 * o.audio.buffer_frames / rate : 1.0;

  LiveScorer scorer(o.meter, o.grid, map.pad_names());
  scorer.add_section(schedule.section().first_bar, 0.0, schedule.section().bpm);
  StreamToTrack to_track(rate, (o.calibration_ms + o.input_latency_ms) / 1000.0);
  std::int64_t ladder_from_bar = 0;  // bars before this one are the coach's thinking time
  if (ladder) result.step_first_bars.push_back(0);

  // A closed bar goes to the coach first: a new tempo must reach the click before the bar
  // line it is meant for, ahead of the slower work of writing the bar down.
  const auto coach = [&](const BarTally& bar) {
    if (!ladder || ladder->finished() || bar.bar < ladder_from_bar || !ladder->add_bar(bar.tally))
      return;
    const std::size_t index = ladder->steps().size() - 1;
    if (ladder->finished()) {
      stream.request_finish();
    } else {
      // The next bar is already playing: the new tempo starts on the bar line after it.
      ladder_from_bar = bar.bar + 2;
      stream.request_tempo(ladder_from_bar, ladder->bpm());
      result.step_first_bars.push_back(ladder_from_bar);
    }
    fmt::print(o.feedback, "{}\n", step_line(ladder->steps().back(), index));
    if (o.observer)
      o.observer->on_step(ladder->steps().back(), index, result.step_first_bars.at(index));
  };

  stream.start();
  result.output_latency_ms = stream.output_latency_seconds() * 1000.0;
  if (o.observer) {
    o.observer->on_start(result.audio_device, result.midi_port, result.output_latency_ms,
                         result.precision_bound_ms);
  }
  fmt::print(o.feedback, "audio: {} (output latency {:.1f} ms, {} frames at {:g} Hz)\nmidi: {}\n",
             result.audio_device, result.output_latency_ms, o.audio.buffer_frames, rate,
             result.midi_port);
  std::fflush(o.feedback);

  std::int64_t last_bar_heard = schedule.first_bar();
  std::int64_t last_callbacks = -1;
  auto last_progress = std::chrono::steady_clock::now();
  std::optional<std::chrono::steady_clock::time_point> ended_at;
  while (true) {
    for (SectionStart s; stream.pop_section(s);) {
      scorer.add_section(s.first_bar, s.start_seconds, s.bpm);
      // A change that came too late for its bar line starts a bar later: so does the step.
      if (ladder && s.first_bar > ladder_from_bar) {
        ladder_from_bar = s.first_bar;
        result.step_first_bars.back() = s.first_bar;
      }
    }
    for (AudioAnchor a; stream.pop_anchor(a);) to_track.update(a);
    for (ClickEvent c; stream.pop_click(c);) {
      result.clicks_heard += c.audible;
      last_bar_heard = std::max(last_bar_heard, c.bar);
    }
    for (Stroke s; to_track.ready() && midi.pop(s);) {
      s.seconds = to_track.seconds(s.seconds);
      const auto scored = scorer.add_stroke(s);
      if (scored && o.stroke_lines) {
        fmt::print(o.feedback, "  {:<8} {:+4.0f} ms\n",
                   map.pad_names()[static_cast<std::size_t>(s.pad)], scored->offset_ms);
      }
    }
    if (to_track.ready()) {
      const double now = to_track.now(stream.stream_time());
      const double latency = (o.calibration_ms + o.input_latency_ms) / 1000.0 + kLateStrokeSeconds;
      for (const BarTally& bar : scorer.close_bars(now - latency)) {
        if (bar.bar > last_bar_heard) continue;  // after the end of the click
        coach(bar);
        fmt::print(o.feedback, "{}\n", bar_line(bar, scorer.bpm_of_bar(bar.bar)));
        if (o.observer) o.observer->on_bar(bar, scorer.scored_in_bar(bar.bar), scorer.pad_names());
      }
      std::fflush(o.feedback);
      if (o.minutes > 0.0 && now >= o.minutes * 60.0) stream.request_finish();
    }

    if (interrupted.load()) {
      result.interrupted = true;
      break;
    }
    if (midi.failed()) {
      result.midi_lost = true;
      break;
    }
    const auto clock = std::chrono::steady_clock::now();
    if (stream.callbacks() != last_callbacks) {
      last_callbacks = stream.callbacks();
      last_progress = clock;
    } else if (clock - last_progress > std::chrono::seconds(1)) {
      result.audio_lost = true;  // no audio callback for a second: the server went away
      break;
    }
    if (!stream.running()) {
      // Strokes of the last bar may still be on their way.
      if (!ended_at) ended_at = clock;
      if (clock - *ended_at > std::chrono::milliseconds(200)) break;
    }
    std::this_thread::sleep_for(kPoll);
  }
  result.seconds = to_track.ready() ? to_track.now(stream.stream_time()) : 0.0;
  stream.stop();

  result.underflows = stream.underflows();
  result.dropped_records = stream.dropped_records() + midi.dropped();
  scorer.end_before_bar(last_bar_heard + 1);
  result.slots_per_bar = scorer.grid().slots_per_bar();
  result.analysis = analyze(scorer.strokes(), scorer.grid(), scorer.pad_names(),
                            midi.double_triggers(), AnalysisOptions{o.pattern.gap});
  if (ladder) {
    ladder->stop();
    result.steps = ladder->steps();
    result.step_first_bars.resize(result.steps.size());
    result.verdict = ladder->verdict();
  }
  return result;
}

std::string live_result_json(const LiveOptions& o, const LiveResult& r) {
  nlohmann::json j = analysis_json(r.analysis);
  j["bpm"] = o.ladder ? o.ladder->start_bpm : o.bpm;
  j["meter"] = to_string(o.meter);
  j["grid"] = o.grid;
  j["seconds"] = std::round(r.seconds * 1000.0) / 1000.0;
  j["interrupted"] = r.interrupted;
  j["clicks"] = r.clicks_heard;
  j["audio"] = {{"device", r.audio_device},
                {"sample_rate", o.audio.sample_rate},
                {"buffer_frames", o.audio.buffer_frames},
                {"output_latency_ms", std::round(r.output_latency_ms * 100.0) / 100.0},
                {"underflows", r.underflows},
                {"dropped_records", r.dropped_records},
                {"lost", r.audio_lost}};
  j["midi"] = {{"api", o.midi.api},
               {"port", r.midi_port},
               {"precision_bound_ms", std::round(r.precision_bound_ms * 100.0) / 100.0},
               {"lost", r.midi_lost}};
  j["calibration_ms"] = o.calibration_ms;
  j["input_latency_ms"] = o.input_latency_ms;
  nlohmann::json strokes = nlohmann::json::array();
  for (const ScoredStroke& s : r.analysis.strokes) {
    strokes.push_back({{"seconds", std::round(s.stroke.seconds * 1e6) / 1e6},
                       {"pad", r.pad_names.at(static_cast<std::size_t>(s.stroke.pad))},
                       {"slot", s.slot},
                       {"offset_ms", std::round(s.offset_ms * 100.0) / 100.0},
                       {"matched", s.matched}});
  }
  j["strokes"] = strokes;
  if (o.ladder) {
    nlohmann::json steps = nlohmann::json::array();
    for (const StepResult& s : r.steps) {
      steps.push_back(
          {{"bpm", s.bpm},
           {"bars", s.bars},
           {"complete", s.complete},
           {"passed", s.check.passed},
           {"hits", s.tally.hits},
           {"missed", s.tally.missed},
           {"mean_offset_ms", std::round(s.tally.mean_ms() * 100.0) / 100.0},
           {"sd_offset_ms", std::round(s.tally.sd_ms() * 100.0) / 100.0},
           {"slots_within_25ms", std::round(s.tally.slots_within_25ms() * 10000.0) / 10000.0}});
    }
    j["ladder"] = {{"steps", steps},
                   {"verdict",
                    {{"kind", to_string(r.verdict->kind)},
                     {"message", r.verdict->message},
                     {"best_passed_bpm", r.verdict->best_passed_bpm},
                     {"last_bpm", r.verdict->last_bpm}}}};
  }
  return j.dump(2);
}

}  // namespace pocket::app
