// The JSON result of a live session: the keys of `pocket score --json` and the session's own.
#include "views/live_result_json.hpp"

#include "live/session_summary.hpp"
#include "report/analysis_json.hpp"
#include "views/player_control_json.hpp"

namespace pocket {

namespace {

nlohmann::json durations_json(const DurationStats& d) {
  return {{"cycles", d.cycles},
          {"p50", rounded_for_json(d.p50_us, 100.0)},
          {"p99", rounded_for_json(d.p99_us, 100.0)},
          {"p99_9", rounded_for_json(d.p99_9_us, 100.0)},
          {"max", rounded_for_json(d.max_us, 100.0)}};
}

// How long the audio callback took, against the time of one buffer: its whole budget.
nlohmann::json callback_json(const CallbackDurations& c) {
  nlohmann::json j = durations_json(c.all);
  j["period"] = rounded_for_json(c.period_us, 100.0);
  j["with_midi"] = durations_json(c.with_midi);
  j["without_midi"] = durations_json(c.without_midi);
  return j;
}

// The cycles the server did not run pocket's callback on time: where on the click track, and
// where on the server's frame clock (to set beside other clients of the server).
nlohmann::json late_cycles_json(const LiveResult& r, double rate) {
  nlohmann::json cycles = nlohmann::json::array();
  for (const LateCycle& c : r.late_cycles) {
    cycles.push_back({{"seconds", rounded_for_json(static_cast<double>(c.track_frame) / rate, 1e6)},
                      {"server_frame", c.server_frame},
                      {"missed", c.missed_cycles},
                      {"late", c.late}});
  }
  return cycles;
}

nlohmann::json ladder_json(const LiveOptions& o, const LiveResult& r) {
  nlohmann::json steps = nlohmann::json::array();
  for (std::size_t i = 0; i < r.steps.size(); ++i) {
    const StepResult& s = r.steps[i];
    steps.push_back(
        {{"bpm", s.bpm},
         {"first_bar", r.step_first_bars.at(i)},
         {"bars", s.bars},
         {"complete", s.complete},
         {"passed", s.check.passed},
         {"descending", s.descending},
         {"hits", s.tally.hits},
         {"missed", s.tally.missed},
         {"mean_offset_ms", rounded_for_json(s.tally.mean_ms(), 100.0)},
         {"sd_offset_ms", rounded_for_json(s.tally.sd_ms(), 100.0)},
         {"slots_within_25ms", rounded_for_json(s.tally.slots_within_25ms(), 10000.0)}});
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
  nlohmann::json j = analysis_json(r.analysis, r.precision_bound_ms);
  j["drill"] = drill.name;
  j["bpm"] = r.start_bpm;
  j["meter"] = to_string(drill.meters);
  j["grid"] = drill.scored_grid();
  j["seconds"] = rounded_for_json(r.seconds, 1000.0);
  j["interrupted"] = r.interrupted;
  add_player_control_json(j, r);
  j["clicks"] = r.clicks_heard;
  if (r.backing) {
    j["backing"] = {{"file", r.backing->file},
                    {"speed", r.backing->speed},
                    {"first_bar_seconds", r.backing->first_bar_seconds},
                    {"file_rate", r.backing->file_rate},
                    {"resampled", r.backing->resampled},
                    {"skips", r.backing->skips}};
    if (r.backing->section_bars > 0) {
      j["backing"]["section"] = {{"from", r.backing->section_from},
                                 {"to", r.backing->section_from + r.backing->section_bars - 1}};
    }
  }
  j["kit"] = o.kit.name();
  j["audio"] = {{"device", r.audio_device},
                {"sample_rate", o.audio.sample_rate},
                {"buffer_frames", r.buffer_frames},
                {"output_latency_ms", rounded_for_json(r.output_latency_ms, 1000.0)},
                {"underflows", r.underflows},
                {"dropped_records", r.dropped_records},
                {"lost", r.audio_lost},
                {"callback_us", callback_json(r.callback)},
                {"missed_cycles", r.missed_cycles},
                {"late_cycles", late_cycles_json(r, o.audio.sample_rate)}};
  if (!r.server_note.empty()) j["audio"]["server"] = r.server_note;
  j["midi"] = {{"api", o.midi.api},
               {"port", r.midi_port},
               {"precision_bound_ms", rounded_for_json(r.precision_bound_ms, 100.0)},
               {"port_latency_ms", rounded_for_json(r.midi_latency_ms, 1000.0)},
               {"lost", r.midi_lost},
               {"outages", midi_outages_json(r)},
               {"reconnects", r.midi_reconnects}};
  j["calibration_ms"] = o.calibration_ms;
  j["input_latency_ms"] = o.input_latency_ms;
  j["click_modes"] = click_modes_json(drill, r.modes);
  j["last_bar"] = r.last_bar;
  nlohmann::json strokes = nlohmann::json::array();
  for (const ScoredStroke& s : r.analysis.strokes) {
    strokes.push_back({{"seconds", rounded_for_json(s.stroke.seconds, 1e6)},
                       {"pad", r.pad_names.at(static_cast<std::size_t>(s.stroke.pad))},
                       {"velocity", s.stroke.velocity},
                       {"slot", s.slot},
                       {"offset_ms", rounded_for_json(s.offset_ms, 100.0)},
                       {"matched", s.matched},
                       {"click_heard", s.click_heard}});
  }
  j["strokes"] = strokes;
  if (drill.ladder) j["ladder"] = ladder_json(o, r);
  return j.dump(2);
}

}  // namespace pocket
