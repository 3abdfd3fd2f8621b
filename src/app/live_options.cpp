#include "live_options.hpp"

#include "drill_options.hpp"

#include <filesystem>

#include <fmt/format.h>

#include "audio/jack_server.hpp"
#include "backing_options.hpp"
#include "command.hpp"
#include "command_line.hpp"
#include "core/tempo_text.hpp"
#include "drill_settings.hpp"
#include "history/practice_record.hpp"
#include "history/session_digest.hpp"
#include "history_files.hpp"
#include "history_room.hpp"
#include "kit_remote_options.hpp"
#include "live/live_devices.hpp"
#include "live/recorded_session.hpp"
#include "presets/drill_file.hpp"
#include "views/session_summary.hpp"
#include "views/session_views.hpp"
#include "web_page.hpp"

namespace po = boost::program_options;

namespace pocket::app {

po::options_description device_options(LiveCommonOptions& o) {
  po::options_description d(
      "devices and kit (default: from config.toml, written by 'pocket setup')");
  d.add_options()("audio-api", po::value(&o.audio_api),
                  "audio host API, e.g. JACK or ALSA (see 'pocket devices')")(
      "audio-device", po::value(&o.audio_device),
      "part of the output device's name (default: from config, else the default device)")(
      "buffer", po::value(&o.buffer),
      "audio buffer in frames, 64 to 1024 (default: from config, else 128)")(
      "rate", po::value(&o.rate), "sample rate in Hz (default: from config, else 48000)")(
      "midi-api", po::value(&o.midi_api),
      "jack (pocket's own JACK client: strokes to the frame) or alsa (default: from config, "
      "else jack when a JACK server runs, else alsa)")(
      "midi-in", po::value(&o.midi_in),
      "the kit's port: index, part of its name, or 'virtual' for a port of pocket's own "
      "(default: from config)")(
      "drum-map", po::value(&o.drum_map),
      "the kit's map: a name from 'pocket kits' or a .toml file (default: from config, else "
      "gm)");
  return d;
}

po::options_description live_options(LiveCommonOptions& o, const char* no_save_help) {
  po::options_description d("timing, results and history");
  d.add_options()("double-ms", po::value(&o.double_ms)->default_value(o.double_ms),
                  "a second hit on a pad within this many ms is a double trigger")(
      "calibration-ms", po::value<double>(),
      "your loop offset in ms (default: from 'pocket calibrate')")(
      "input-latency-ms", po::value<double>(), "extra MIDI input latency of the kit in ms")(
      "json", po::bool_switch(&o.json),
      "print the results as JSON on stdout (live feedback goes to stderr)")(
      "quiet", po::bool_switch(&o.quiet), "no line for every stroke, only bars and the summary")(
      "view", po::value(&o.view)->default_value(o.view),
      "the live view: screen (full screen, with keys), lines (a line per stroke and bar), or "
      "auto: screen on a terminal, lines otherwise")(
      "db", po::value(&o.db),
      "the history database (default: $POCKET_DB, else ~/.local/share/pocket/history.sqlite)")(
      "no-save", po::bool_switch(&o.no_save), no_save_help)(
      "web", po::value(&o.web),
      "[ADDRESS:]PORT: the live view as a page for a tablet or phone on your network, at an "
      "address with a secret token, shown as a QR code; 'off' for none (default: from "
      "config)");
  po::options_description all;
  all.add(device_options(o)).add(d);
  return all;
}

StreamSettings chosen_audio(const LiveCommonOptions& o, const po::variables_map& vm,
                            const UserConfig& config) {
  StreamSettings audio;
  // The config names both or neither: a device of one API must not be looked up in another.
  const bool given = vm.count("audio-api") || vm.count("audio-device");
  audio.host_api = given ? o.audio_api : config.audio_api;
  audio.device = given ? o.audio_device : config.audio_device;
  audio.buffer_frames = vm.count("buffer") ? o.buffer : config.buffer_frames.value_or(o.buffer);
  audio.sample_rate = vm.count("rate") ? o.rate : config.sample_rate.value_or(o.rate);
  if (audio.buffer_frames < kMinBufferFrames || audio.buffer_frames > kMaxBufferFrames) {
    throw UsageError(fmt::format("buffer of {} frames: use {} to {}", audio.buffer_frames,
                                 kMinBufferFrames, kMaxBufferFrames));
  }
  return audio;
}

MidiInputSettings chosen_midi(const LiveCommonOptions& o, const po::variables_map& vm,
                              const UserConfig& config, const StreamSettings& audio) {
  MidiInputSettings midi;
  const bool config_api = !vm.count("midi-api") && !config.midi_api.empty();
  midi.api = config_api ? config.midi_api : o.midi_api;
  if (midi.api.empty()) midi.api = automatic_midi_api(audio);
  midi.port = vm.count("midi-in") ? o.midi_in : config.midi_port;
  midi.double_trigger_ms = o.double_ms;
  return midi;
}

DrumMap chosen_kit(const std::string& drum_map_option, const PresetLibrary& library) {
  std::string name = drum_map_option;
  if (name.empty()) name = load_user_config().drum_map;
  if (name.empty()) name = "gm";
  try {
    return library.kit(name);
  } catch (const std::invalid_argument& e) {
    throw UsageError(e.what());
  }
}

void apply_live_options(const LiveCommonOptions& o, const po::variables_map& vm,
                        LiveOptions& live) {
  const UserConfig config = load_user_config();
  live.audio = chosen_audio(o, vm, config);
  live.midi = chosen_midi(o, vm, config, live.audio);
  if (live.midi.port.empty()) {
    // A guessed device name would fail with a message about that name; say what to do instead.
    throw UsageError(
        "no kit is set up yet: run 'pocket setup' once (it finds your kit, the output and\n"
        "your loop offset), or name the kit's port with --midi-in (see 'pocket devices')");
  }
  live.kit = chosen_kit(o.drum_map, PresetLibrary::standard());
  live.calibration_ms =
      vm.count("calibration-ms") ? vm["calibration-ms"].as<double>() : config.calibration_ms;
  live.input_latency_ms =
      vm.count("input-latency-ms") ? vm["input-latency-ms"].as<double>() : config.input_latency_ms;
  live.feedback = o.json ? stderr : stdout;
  if (const std::string left_out = take_groove(live.drill, live.kit); !left_out.empty()) {
    fmt::print(live.feedback, "{}\n", left_out);
    live.said_before.push_back(left_out);
  }
  if (vm.count("minutes")) live.minutes = vm["minutes"].as<double>();
  if (vm.count("max-bars")) live.max_bars = vm["max-bars"].as<std::int64_t>();
  if (live.minutes < 0.0 || (vm.count("max-bars") && live.max_bars < 1))
    throw UsageError("--minutes and --max-bars need a length above 0");
  try {
    expected_strokes(live.drill, live.kit.pad_names());
  } catch (const std::invalid_argument& e) {
    throw UsageError(
        fmt::format("drill {} with kit {}: {}", live.drill.name, live.kit.name(), e.what()));
  }
}

// Printed now, and kept for the live view: a full screen would hide the line at once.
void say_before_click(LiveOptions& live, std::string line) {
  fmt::print(live.feedback, "{}\n", line);
  live.said_before.push_back(std::move(line));
}

namespace {

// A ladder on a song is capped by the speed held on that song, whatever the drill.
void cap_from_song(const LiveCommonOptions& o, LiveOptions& live) {
  LadderConfig& ladder = *live.drill.ladder;
  const std::string song = std::filesystem::path(live.backing->file).filename().string();
  try {
    const SessionStore store = open_store(o.db);
    if (const auto held = consolidated_tempo(
            held_song_speeds(song_sessions(store, file_fingerprint(live.backing->file)))))
      ladder.consolidated_bpm = *held / 100.0 * *ladder.song_bpm;
  } catch (const StoreError& e) {
    say_before_click(
        live, fmt::format("the history cannot be read ({}): this ladder is not capped", e.what()));
    return;
  }
  if (!ladder.consolidated_bpm) {
    say_before_click(live, fmt::format("no solid speed on {} in {} yet: this ladder is not "
                                       "capped; once a step holds, the climb stays within {:g}% "
                                       "of the speed you hold",
                                       song, o.history_words, ladder.max_increase_percent));
  } else {
    say_before_click(
        live, fmt::format("your solid speed on {} is {}: today's ladder goes no higher than {}",
                          song, ladder_tempo_text(ladder, *ladder.consolidated_bpm),
                          ladder_tempo_text(ladder, TempoLadder(ladder).ceiling_bpm())));
  }
}

}  // namespace

void cap_from_history(const LiveCommonOptions& o, LiveOptions& live) {
  if (!live.drill.ladder || live.drill.ladder->consolidated_bpm) return;
  if (live.backing && live.drill.ladder->song_bpm) return cap_from_song(o, live);
  try {
    const SessionStore store = open_store(o.db);
    live.drill.ladder->consolidated_bpm = consolidated_from_history(store, live.drill.name);
  } catch (const StoreError& e) {
    say_before_click(
        live, fmt::format("the history cannot be read ({}): this ladder is not capped", e.what()));
    return;
  }
  const LadderConfig& ladder = *live.drill.ladder;
  if (!ladder.consolidated_bpm) {
    say_before_click(
        live, fmt::format("no solid tempo of {} in {} yet: this ladder is not capped; once a step "
                          "holds, the climb stays within {:g}% of the tempo you hold",
                          live.drill.name, o.history_words, ladder.max_increase_percent));
  } else {
    say_before_click(
        live,
        fmt::format("your consolidated tempo on {} is {}: today's ladder goes no higher than {}",
                    live.drill.name, format_bpm(*ladder.consolidated_bpm),
                    format_bpm(TempoLadder(ladder).ceiling_bpm())));
  }
}

std::optional<SessionStore> history_for_session(const LiveCommonOptions& o, LiveOptions& live) {
  if (o.no_save) return std::nullopt;
  SessionStore store =
      open_writable_store(o.db, "fix its permissions, use --db FILE, or --no-save");
  if (const auto warning = history_room_warning(store.room_left(), live.minutes)) {
    fmt::print(stderr, "{}\n", *warning);
    // First: the view has two rows for what was said, and this one asks the player to act.
    live.said_before.insert(live.said_before.begin(), *warning);
  }
  return store;
}

LiveResult run_and_record(std::optional<SessionStore>& history, const LiveOptions& live,
                          const std::string& fingerprint, std::optional<std::int64_t>& session_id) {
  if (!history) return run_live_session(live);
  SessionRecord record;
  record.drill = live.drill.name;
  record.drill_fingerprint = fingerprint;
  record.settings_json = drill_settings_json(live.drill, live.backing ? &*live.backing : nullptr);
  RecordedSession recorded = run_recorded_session(*history, record, live);
  session_id = recorded.id;
  if (recorded.id) keep_digest(*history, *recorded.id);
  return recorded.result;
}

namespace {

// PipeWire's ports leave out part of the loop (a period here): until calibration measures it,
// every stroke reads late by about that much.
void remind_to_calibrate_on_pipewire(LiveOptions& live) {
  if (live_path(live.midi, live.audio) != LivePath::jack || !jack_on_pipewire()) return;
  if (live.calibration_ms != 0.0 || live.input_latency_ms != 0.0) return;
  say_before_click(live,
                   "on PipeWire the ports do not report the whole loop: every stroke reads late "
                   "by about a period until 'pocket calibrate' measures it (once)");
}

// "Your goal on paradiddles: 160 BPM by 2027-03-01. <how it is going>", or nothing.
std::string goal_text(const LiveCommonOptions& o, const std::string& drill) {
  try {
    const SessionStore store = open_store(o.db);
    const std::optional<StoredGoal> goal = store.goal(drill);
    if (!goal) return "";
    return goal_in_words(store, PresetLibrary::standard(), *goal, today());
  } catch (const std::exception&) {
    return "";  // the history could not be read: the session's own summary stands alone
  }
}

}  // namespace

int report_live_result(const LiveOptions& live, const LiveResult& r,
                       std::optional<std::int64_t> session_id, const std::string& goal) {
  print_session_summary(live, r, session_id, goal);
  return r.audio_lost || r.midi_lost ? kExitInterrupted : kExitOk;
}

int run_drill_session(const LiveCommonOptions& o, const po::variables_map& vm, LiveOptions& live,
                      const std::string& fingerprint) {
  apply_live_options(o, vm, live);
  apply_kit_remote(vm, live);
  apply_backing(vm, live);
  cap_from_history(o, live);
  remind_to_calibrate_on_pipewire(live);
  install_interrupt_handler();
  std::optional<SessionStore> history = history_for_session(o, live);
  std::optional<std::int64_t> session_id;
  const std::unique_ptr<WebSession> web = open_web_page(o.web, live);
  const SessionViews views({o.view, o.json, o.quiet}, live);
  if (web) attach_web_page(*web, live);
  const LiveResult result = run_and_record(history, live, fingerprint, session_id);
  return report_live_result(live, result, session_id, goal_text(o, live.drill.name));
}

}  // namespace pocket::app
