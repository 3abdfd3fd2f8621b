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
#include "midi/midi_backend.hpp"
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

std::string silence_line(const SilenceRequest& request) {
  return request.kind == SilenceRequest::Kind::end_silence
             ? fmt::format("the click comes back at bar {}", request.from_bar + 1)
         : request.to_bar == SilenceRequest::kUntilTold
             ? fmt::format("tight: the click drops out from bar {}", request.from_bar + 1)
             : fmt::format("next gap: {} bar{} without the click from bar {}",
                           request.to_bar - request.from_bar,
                           request.to_bar - request.from_bar == 1 ? "" : "s", request.from_bar + 1);
}

std::string gap_line(const QuietGap& gap) {
  return fmt::format("gap of {} bar{} from bar {}: {:.0f}% of slots within 25 ms, {}", gap.bars,
                     gap.bars == 1 ? "" : "s", gap.first_bar + 1,
                     gap.tally.slots_within_25ms() * 100.0, gap.held ? "held" : "not held yet");
}

}  // namespace

void install_interrupt_handler() {
  interrupted.store(false);
  std::signal(SIGINT, on_interrupt);
  std::signal(SIGTERM, on_interrupt);
}

LiveResult run_live_session(const LiveOptions& o) {
  const Drill& drill = o.drill;
  const double rate = o.audio.sample_rate;
  std::optional<TempoLadder> ladder;
  if (drill.ladder) ladder.emplace(*drill.ladder);
  const std::int64_t drill_bars = ladder ? -1 : drill.bars;
  const std::int64_t bars =
      o.max_bars > 0 && (drill_bars < 0 || o.max_bars < drill_bars) ? o.max_bars : drill_bars;
  ClickPattern click = drill.click;
  click.random_mute.rise_bars = drill.mute_rise_bars();
  LiveSchedule schedule(drill.meters, ladder ? ladder->bpm() : drill.bpm, click, rate, bars);
  const ClickSound sound = synthesize_click(drill.sound, rate);
  const DrumMap& map = o.kit;
  const int grid = drill.scored_grid();
  validate_grid(grid);
  const ExpectedStrokes expected = expected_strokes(drill, map.pad_names());
  std::optional<SilentWhileTightMode> silent_mode;
  if (drill.silent_while_tight) silent_mode.emplace(*drill.silent_while_tight);
  std::optional<QuietCountMode> quiet_mode;
  if (drill.quiet_count) {
    quiet_mode.emplace(*drill.quiet_count);
    schedule.silence(quiet_mode->first_gap().from_bar, quiet_mode->first_gap().to_bar);
  }

  require_midi_api(o.midi.api);  // before the click starts: a missing server is said in one line
  PortAudioSession audio_session;
  ClickStream stream(schedule, sound, o.audio);
  MidiInput midi(o.midi, map, StreamClock{stream_clock, &stream});

  LiveResult result;
  result.audio_device = stream.device().host_api + " / " + stream.device().name;
  result.midi_port = midi.port_name();
  result.pad_names = map.pad_names();
  // JACK delivers MIDI once per period; for ALSA's kernel timestamps 1 ms is assumed, unmeasured.
  result.precision_bound_ms = o.midi.api == "jack" ? 1000.0 * o.audio.buffer_frames / rate : 1.0;
  if (ladder) result.ceiling_bpm = ladder->ceiling_bpm();
  result.start_bpm = schedule.section().bpm;

  LiveScorer scorer(drill.meters, grid, map.pad_names(), expected);
  scorer.add_section(schedule.section().first_bar, 0.0, schedule.section().bpm);
  ClickLog clicks(scorer.grid());
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
  // The player's click modes decide at bar lines too.
  const auto ask = [&](const std::optional<SilenceRequest>& request) {
    if (!request) return;
    if (request->kind == SilenceRequest::Kind::silence) {
      stream.request_silence(request->from_bar, request->to_bar);
    } else {
      stream.request_end_silence(request->from_bar);
    }
    fmt::print(o.feedback, "{}\n", silence_line(*request));
  };
  const auto modes = [&](const BarTally& bar) {
    if (silent_mode) ask(silent_mode->bar_closed(bar));
    if (quiet_mode) {
      const std::size_t gaps = quiet_mode->gaps().size();
      const std::optional<SilenceRequest> next =
          quiet_mode->bar_closed(bar, clicks.silenced(bar.bar));
      if (quiet_mode->gaps().size() > gaps) {
        fmt::print(o.feedback, "{}\n", gap_line(quiet_mode->gaps().back()));
      }
      ask(next);
    }
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
  std::int64_t last_bar_closed = -1;
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
      clicks.add(c, drill.click.subdivision);
    }
    for (Stroke s; to_track.ready() && midi.pop(s);) {
      s.seconds = to_track.seconds(s.seconds);
      const auto scored = scorer.add_stroke(s);
      if (scored && o.stroke_lines) {
        fmt::print(o.feedback, "  {:<8} {:+4.0f} ms{}\n",
                   map.pad_names()[static_cast<std::size_t>(s.pad)], scored->offset_ms,
                   scored->matched ? "" : "  (not in the pattern)");
      }
    }
    if (to_track.ready()) {
      const double now = to_track.now(stream.stream_time());
      const double latency = (o.calibration_ms + o.input_latency_ms) / 1000.0 + kLateStrokeSeconds;
      for (const BarTally& bar : scorer.close_bars(now - latency)) {
        if (bar.bar > last_bar_heard) continue;  // after the end of the click
        last_bar_closed = bar.bar;
        coach(bar);
        modes(bar);
        fmt::print(o.feedback, "{}{}\n", bar_line(bar, scorer.bpm_of_bar(bar.bar)),
                   clicks.silenced(bar.bar) ? "  (no click)" : "");
        if (o.observer) {
          std::vector<ScoredStroke> strokes = scorer.scored_in_bar(bar.bar);
          for (ScoredStroke& s : strokes) s.click_heard = clicks.heard_at(s.slot);
          o.observer->on_bar(bar, strokes, scorer.pad_names());
        }
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
  result.grid = scorer.grid();
  AnalysisOptions options{drill.click.gap, &expected, std::nullopt,
                          [&](std::int64_t slot) { return clicks.heard_at(slot); }};
  // The bars played: to the end of the click, or, when the session was cut short, to the last
  // bar that closed (the rest of a cut bar was never played, so nothing in it is missed).
  const bool cut_short = result.interrupted || result.audio_lost || result.midi_lost;
  result.last_bar = cut_short ? last_bar_closed : last_bar_heard;
  if (!expected.plain() && result.last_bar >= 0)
    options.bars = std::pair{std::int64_t{0}, result.last_bar};
  result.analysis =
      analyze(scorer.strokes(), scorer.grid(), scorer.pad_names(), midi.double_triggers(), options);
  result.analysis.unmapped_notes = midi.unmapped_notes();
  result.modes = {clicks.clicks(), clicks.left_out(MuteReason::random),
                  clicks.silent_stretches(scorer.grid()),
                  quiet_mode ? quiet_mode->gaps() : std::vector<QuietGap>{}};
  if (ladder) {
    ladder->stop();
    result.steps = ladder->steps();
    result.step_first_bars.resize(result.steps.size());
    result.verdict = ladder->verdict();
  }
  return result;
}

}  // namespace pocket::app
