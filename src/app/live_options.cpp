#include "live_options.hpp"

#include <fmt/format.h>

#include "command.hpp"
#include "report/analysis_json.hpp"
#include "report/analysis_table.hpp"
#include "session_recorder.hpp"
#include "user_config.hpp"

namespace po = boost::program_options;

namespace pocket::app {

po::options_description live_options(LiveCommonOptions& o, const char* no_save_help) {
  po::options_description d("devices, kit and timing");
  d.add_options()("audio-api", po::value(&o.audio_api),
                  "audio host API, e.g. JACK or ALSA (see 'pocket devices')")(
      "audio-device", po::value(&o.audio_device),
      "part of the output device's name (default: the default device)")(
      "buffer", po::value(&o.buffer)->default_value(o.buffer),
      "audio buffer in frames, 64 to 1024")("rate", po::value(&o.rate)->default_value(o.rate),
                                            "sample rate in Hz")(
      "midi-api", po::value(&o.midi_api)->default_value(o.midi_api), "alsa or jack")(
      "midi-in", po::value(&o.midi_in)->default_value(o.midi_in),
      "the kit's port: index, part of its name, or 'virtual' for a port named pocket")(
      "drum-map", po::value(&o.drum_map)->default_value(o.drum_map),
      "gm, roland, alesis, yamaha, or a .toml file")(
      "double-ms", po::value(&o.double_ms)->default_value(o.double_ms),
      "a second hit on a pad within this many ms is a double trigger")(
      "sound", po::value(&o.sound)->default_value(o.sound), "click sound: woodblock, beep or tick")(
      "calibration-ms", po::value<double>(),
      "your loop offset in ms (default: from 'pocket calibrate')")(
      "input-latency-ms", po::value<double>(), "extra MIDI input latency of the kit in ms")(
      "json", po::bool_switch(&o.json),
      "print the results as JSON on stdout (live feedback goes to stderr)")(
      "quiet", po::bool_switch(&o.quiet), "no line for every stroke, only bars and the summary")(
      "db", po::value(&o.db),
      "the history database (default: $POCKET_DB, else ~/.local/share/pocket/history.sqlite)")(
      "no-save", po::bool_switch(&o.no_save), no_save_help);
  return d;
}

void apply_live_options(const LiveCommonOptions& o, const po::variables_map& vm,
                        LiveOptions& live) {
  if (o.buffer < 64 || o.buffer > 1024) {
    throw UsageError(fmt::format("buffer of {} frames: use 64 to 1024", o.buffer));
  }
  const UserConfig config = load_user_config();
  live.audio = {o.audio_api, o.audio_device, o.rate, o.buffer};
  live.midi = {o.midi_api, o.midi_in, o.double_ms};
  live.drum_map = o.drum_map;
  live.sound = o.sound;
  live.calibration_ms =
      vm.count("calibration-ms") ? vm["calibration-ms"].as<double>() : config.calibration_ms;
  live.input_latency_ms =
      vm.count("input-latency-ms") ? vm["input-latency-ms"].as<double>() : config.input_latency_ms;
  live.stroke_lines = !o.quiet;
  live.feedback = o.json ? stderr : stdout;
}

LiveResult run_and_record(const LiveCommonOptions& o, const LiveOptions& live,
                          const std::string& drill, const std::string& settings_json,
                          std::optional<std::int64_t>& session_id) {
  if (o.no_save) return run_live_session(live);
  SessionStore store(o.db.empty() ? SessionStore::default_path() : std::filesystem::path(o.db));
  SessionRecord record;
  record.started_at = utc_now();
  record.drill = drill;
  record.settings_json = settings_json;
  record.calibration_ms = live.calibration_ms;
  record.input_latency_ms = live.input_latency_ms;
  record.bpm_low = record.bpm_high = live.ladder ? live.ladder->start_bpm : live.bpm;
  SessionRecorder recorder(store, record, live.audio.sample_rate);
  LiveOptions recorded = live;
  recorded.observer = &recorder;
  const LiveResult result = run_live_session(recorded);
  recorder.finish(result, analysis_json(result.analysis).dump());
  session_id = recorder.id();
  return result;
}

int report_live_result(const LiveCommonOptions& o, const LiveOptions& live, const LiveResult& r,
                       std::optional<std::int64_t> session_id) {
  std::FILE* out = live.feedback;
  if (r.audio_lost)
    fmt::print(stderr,
               "the audio stopped (did the sound server go away?): the strokes so far are kept\n");
  if (r.midi_lost)
    fmt::print(stderr, "the MIDI input went away (cable pulled?): the strokes so far are kept\n");
  fmt::print(out, "\n{} clicks over {:.0f} s; audio underflows: {}{}\n", r.clicks_heard, r.seconds,
             r.underflows,
             r.dropped_records > 0 ? fmt::format(", records dropped: {}", r.dropped_records) : "");
  fmt::print(out, "timing precision: within {:.1f} ms ({} MIDI)\n\n", r.precision_bound_ms,
             live.midi.api);
  fmt::print(out, "{}", analysis_table(r.analysis));
  if (r.verdict) fmt::print(out, "\n{}\n", r.verdict->message);
  if (session_id)
    fmt::print(out, "\nkept as session {} ('pocket show {}')\n", *session_id, *session_id);
  std::fflush(out);
  if (o.json) fmt::print("{}\n", live_result_json(live, r));
  return r.audio_lost || r.midi_lost ? kExitFailure : kExitOk;
}

}  // namespace pocket::app
