// The JSON result of a live session: the keys of `pocket score --json` and the session's own.
#include <cmath>

#include <nlohmann/json.hpp>

#include "live_session.hpp"
#include "report/analysis_json.hpp"

namespace pocket::app {

namespace {

double rounded(double value, double scale) { return std::round(value * scale) / scale + 0.0; }

// When the kit's port was away, and for how long.
nlohmann::json outages_json(const LiveResult& r) {
  nlohmann::json outages = nlohmann::json::array();
  for (const MidiOutage& o : r.midi_outages) {
    outages.push_back({{"start_seconds", rounded(o.start_seconds, 1000.0)},
                       {"seconds", rounded(o.seconds, 1000.0)}});
  }
  return outages;
}

nlohmann::json durations_json(const DurationStats& d) {
  return {{"cycles", d.cycles},
          {"p50", rounded(d.p50_us, 100.0)},
          {"p99", rounded(d.p99_us, 100.0)},
          {"p99_9", rounded(d.p99_9_us, 100.0)},
          {"max", rounded(d.max_us, 100.0)}};
}

// How long the audio callback took, against the time of one buffer: its whole budget.
nlohmann::json callback_json(const CallbackDurations& c) {
  nlohmann::json j = durations_json(c.all);
  j["period"] = rounded(c.period_us, 100.0);
  j["with_midi"] = durations_json(c.with_midi);
  j["without_midi"] = durations_json(c.without_midi);
  return j;
}

// The cycles the server did not run pocket's callback on time: where on the click track, and
// where on the server's frame clock (to set beside other clients of the server).
nlohmann::json late_cycles_json(const LiveResult& r, double rate) {
  nlohmann::json cycles = nlohmann::json::array();
  for (const LateCycle& c : r.late_cycles) {
    cycles.push_back({{"seconds", rounded(static_cast<double>(c.track_frame) / rate, 1e6)},
                      {"server_frame", c.server_frame},
                      {"missed", c.missed_cycles},
                      {"late", c.late}});
  }
  return cycles;
}

}  // namespace

nlohmann::json click_modes_json(const Drill& drill, const ClickModeResult& m) {
  nlohmann::json j = nlohmann::json::object();
  if (drill.click.random_mute.active()) {
    j["random_mute"] = {{"percent", drill.click.random_mute.percent},
                        {"rise_bars", drill.mute_rise_bars()},
                        {"seed", drill.click.random_mute.seed},
                        {"clicks", m.clicks},
                        {"muted", m.randomly_muted}};
  }
  if (drill.silent_while_tight || drill.quiet_count) {
    double total = 0.0, longest = 0.0;
    std::int64_t longest_bars = 0;
    nlohmann::json stretches = nlohmann::json::array();
    for (const SilentStretch& s : m.silent) {
      total += s.seconds;
      if (s.seconds > longest) longest = s.seconds, longest_bars = s.bars;
      stretches.push_back(
          {{"first_bar", s.first_bar}, {"bars", s.bars}, {"seconds", rounded(s.seconds, 1000.0)}});
    }
    j["silent"] = {{"seconds", rounded(total, 1000.0)},
                   {"longest_seconds", rounded(longest, 1000.0)},
                   {"longest_bars", longest_bars},
                   {"stretches", stretches}};
  }
  if (drill.quiet_count) {
    nlohmann::json gaps = nlohmann::json::array();
    for (const QuietGap& g : m.quiet_gaps) {
      gaps.push_back({{"first_bar", g.first_bar},
                      {"bars", g.bars},
                      {"held", g.held},
                      {"slots_within_25ms", rounded(g.tally.slots_within_25ms(), 10000.0)}});
    }
    j["quiet_count"] = {{"gaps", gaps}};
  }
  return j;
}

namespace {

nlohmann::json ladder_json(const LiveOptions& o, const LiveResult& r) {
  nlohmann::json steps = nlohmann::json::array();
  for (std::size_t i = 0; i < r.steps.size(); ++i) {
    const StepResult& s = r.steps[i];
    steps.push_back({{"bpm", s.bpm},
                     {"first_bar", r.step_first_bars.at(i)},
                     {"bars", s.bars},
                     {"complete", s.complete},
                     {"passed", s.check.passed},
                     {"descending", s.descending},
                     {"hits", s.tally.hits},
                     {"missed", s.tally.missed},
                     {"mean_offset_ms", rounded(s.tally.mean_ms(), 100.0)},
                     {"sd_offset_ms", rounded(s.tally.sd_ms(), 100.0)},
                     {"slots_within_25ms", rounded(s.tally.slots_within_25ms(), 10000.0)}});
  }
  const LadderConfig& config = *o.drill.ladder;
  return {{"direction", to_string(config.direction)},
          {"consolidated_bpm", config.consolidated_bpm ? nlohmann::json(*config.consolidated_bpm)
                                                       : nlohmann::json(nullptr)},
          {"ceiling_bpm", r.ceiling_bpm.value_or(config.target_bpm)},
          {"steps", steps},
          {"verdict",
           {{"kind", to_string(r.verdict->kind)},
            {"message", r.verdict->message},
            {"best_passed_bpm", r.verdict->best_passed_bpm},
            {"last_bpm", r.verdict->last_bpm}}}};
}

}  // namespace

std::string live_result_json(const LiveOptions& o, const LiveResult& r) {
  const Drill& drill = o.drill;
  nlohmann::json j = analysis_json(r.analysis);
  j["drill"] = drill.name;
  j["bpm"] = r.start_bpm;
  j["meter"] = to_string(drill.meters);
  j["grid"] = drill.scored_grid();
  j["seconds"] = rounded(r.seconds, 1000.0);
  j["interrupted"] = r.interrupted;
  j["clicks"] = r.clicks_heard;
  j["kit"] = o.kit.name();
  j["audio"] = {{"device", r.audio_device},
                {"sample_rate", o.audio.sample_rate},
                {"buffer_frames", r.buffer_frames},
                {"output_latency_ms", rounded(r.output_latency_ms, 1000.0)},
                {"underflows", r.underflows},
                {"dropped_records", r.dropped_records},
                {"lost", r.audio_lost},
                {"callback_us", callback_json(r.callback)},
                {"missed_cycles", r.missed_cycles},
                {"late_cycles", late_cycles_json(r, o.audio.sample_rate)}};
  j["midi"] = {{"api", o.midi.api},
               {"port", r.midi_port},
               {"precision_bound_ms", rounded(r.precision_bound_ms, 100.0)},
               {"port_latency_ms", rounded(r.midi_latency_ms, 1000.0)},
               {"lost", r.midi_lost},
               {"outages", outages_json(r)},
               {"reconnects", r.midi_reconnects}};
  j["calibration_ms"] = o.calibration_ms;
  j["input_latency_ms"] = o.input_latency_ms;
  j["click_modes"] = click_modes_json(drill, r.modes);
  j["last_bar"] = r.last_bar;
  nlohmann::json strokes = nlohmann::json::array();
  for (const ScoredStroke& s : r.analysis.strokes) {
    strokes.push_back({{"seconds", rounded(s.stroke.seconds, 1e6)},
                       {"pad", r.pad_names.at(static_cast<std::size_t>(s.stroke.pad))},
                       {"slot", s.slot},
                       {"offset_ms", rounded(s.offset_ms, 100.0)},
                       {"matched", s.matched},
                       {"click_heard", s.click_heard}});
  }
  j["strokes"] = strokes;
  if (drill.ladder) j["ladder"] = ladder_json(o, r);
  return j.dump(2);
}

nlohmann::json stored_summary_json(const LiveOptions& o, const LiveResult& r) {
  nlohmann::json j = analysis_json(r.analysis);
  j["midi"] = {{"outages", outages_json(r)}, {"reconnects", r.midi_reconnects}};
  j["last_bar"] = r.last_bar;
  j["click_modes"] = click_modes_json(o.drill, r.modes);
  return j;
}

}  // namespace pocket::app
