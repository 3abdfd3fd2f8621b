// pocket score: timing of a recorded MIDI performance against a grid.
#include <iostream>
#include <optional>

#include <fmt/format.h>
#include <boost/program_options.hpp>
#include <nlohmann/json.hpp>

#include "command.hpp"
#include "core/analysis.hpp"
#include "core/drill.hpp"
#include "core/groove.hpp"
#include "core/tempo_map.hpp"
#include "core/tempo_text.hpp"
#include "core/timing_summary.hpp"
#include "drill_options.hpp"
#include "history/session_digest.hpp"
#include "history_files.hpp"
#include "live/session_recorder.hpp"
#include "live_options.hpp"
#include "midi/recorded_performance.hpp"
#include "midi/tick_clock.hpp"
#include "report/analysis_json.hpp"
#include "report/analysis_table.hpp"
#include "views/unmapped_notes.hpp"

namespace po = boost::program_options;

namespace pocket::app {

namespace {

struct ScoreOptions {
  std::string file;
  std::optional<double> bpm;
  std::string meter;
  int grid = 16;
  double start_ms = 0.0;
  bool json = false;
  std::string drum_map;  // empty: the config's, else gm
  double double_trigger_ms = 10.0;
  bool save = false;
  std::string db;
  Swing swing;
  std::map<std::string, double> feel;
  std::vector<StickingLine> sticking;
  std::optional<GrooveSettings> groove;
};

po::options_description describe(ScoreOptions& o) {
  po::options_description d("pocket score FILE.mid: how early or late every stroke was\n\noptions");
  d.add_options()("help,h", "show this help")(
      "bpm", po::value<double>(),
      "score against a constant tempo (default: the file's own tempo map)")(
      "meter", po::value(&o.meter), "time signature (default: the file's, else 4/4)")(
      "grid", po::value(&o.grid)->default_value(o.grid),
      "slots per whole note: 4 quarters, 8 eighths, 12 triplets, 16 sixteenths")(
      "start-ms", po::value(&o.start_ms)->default_value(o.start_ms),
      "where the grid starts, in ms from the file's start")(
      "drum-map", po::value(&o.drum_map),
      "the kit's map: a name from 'pocket kits' or a .toml file (default: drum_map in the "
      "config, else gm)")("double-ms",
                          po::value(&o.double_trigger_ms)->default_value(o.double_trigger_ms),
                          "a second hit on a pad within this many ms is a double trigger")(
      "json", po::bool_switch(&o.json), "print one JSON object instead of tables")(
      "save", po::bool_switch(&o.save), "keep the result in the history as a session")(
      "db", po::value(&o.db), "the history database (with --save)");
  d.add(feel_options());
  d.add(groove_options(false));
  return d;
}

std::string grid_name(int grid) {
  switch (grid) {
    case 4: return "quarter notes";
    case 8: return "eighth notes";
    case 12: return "eighth-note triplets";
    case 16: return "sixteenth notes";
    case 24: return "sixteenth-note triplets";
    case 32: return "thirty-second notes";
    default: return fmt::format("{} slots per whole note", grid);
  }
}

// Keeps an offline-scored recording in the history, like a live session.
std::int64_t save_score(const ScoreOptions& o, const Analysis& analysis,
                        const std::vector<std::string>& pad_names, const Grid& grid,
                        const MeterCycle& meter, const Drill& groove_drill, double file_bpm) {
  SessionStore store = open_writable_store(o.db, "fix its permissions, or use --db FILE");
  SessionRecord record;
  record.started_at = utc_now();
  record.drill = "score";
  nlohmann::json settings =
      nlohmann::json{{"file", o.file},
                     {"meter", to_string(meter)},
                     {"grid", o.grid},
                     {"bpm", o.bpm.value_or(file_bpm)},
                     {"start_ms", o.start_ms},
                     {"swing", {{"percent", grid.swing().percent}, {"on", grid.swing().unit}}},
                     {"feel", o.feel}};
  if (!o.sticking.empty()) settings["sticking"] = o.sticking.front().marks;
  if (o.groove) {
    settings["groove"] = o.groove->file;
    for (const PadPattern& p : groove_drill.pattern) settings["pattern"][p.pad] = p.marks;
  }
  record.settings_json = settings.dump();
  record.bpm_low = record.bpm_high = std::round(o.bpm.value_or(file_bpm) * 100.0) / 100.0;
  record.midi_port = o.file;
  const std::int64_t id = store.begin_session(record);
  std::vector<StoredStroke> strokes;
  const double rate = 48000.0;  // frames of a file's strokes are counted at 48 kHz
  for (const ScoredStroke& s : analysis.strokes) {
    if (s.slot < 0) continue;
    strokes.push_back({std::llround(s.stroke.seconds * rate), s.stroke.seconds,
                       pad_names.at(static_cast<std::size_t>(s.stroke.pad)), s.stroke.velocity,
                       s.slot, grid.bar_of(s.slot), s.offset_ms, s.matched});
  }
  store.add_strokes(id, strokes);
  record.id = id;
  record.ended_at = utc_now();
  record.status = "finished";
  record.summary_json = analysis_json(analysis).dump();
  record.verdict = describe_timing(analysis.timing);
  store.finish_session(record);
  keep_digest(store, id);
  return id;
}

}  // namespace

int run_score(const std::vector<std::string>& args) {
  ScoreOptions o;
  po::options_description options = describe(o);
  po::options_description hidden;
  hidden.add_options()("file", po::value(&o.file));
  po::options_description all;
  all.add(options).add(hidden);
  po::positional_options_description positional;
  positional.add("file", 1);
  po::variables_map vm;
  po::store(po::command_line_parser(args).options(all).positional(positional).run(), vm);
  if (vm.count("help")) {
    std::cout << options << "\nexample: pocket score seeds/steady.mid --grid 16\n";
    return kExitOk;
  }
  po::notify(vm);
  if (o.file.empty()) throw UsageError("which MIDI file? (pocket score FILE.mid)");
  if (vm.count("bpm")) o.bpm = vm["bpm"].as<double>();
  try {
    apply_feel_options(vm, o.swing, o.feel);
    if (vm.count("sticking")) o.sticking = {{"", vm["sticking"].as<std::string>()}};
    apply_groove_options(vm, o.groove);
    if (o.groove && !o.meter.empty())
      throw std::invalid_argument("--meter and --groove: the groove's own bars are scored");
  } catch (const std::invalid_argument& e) {
    throw UsageError(e.what());
  }

  const MidiFile file = read_midi_file(o.file);
  const PresetLibrary library = PresetLibrary::standard();
  std::optional<Grid> grid;
  const DrumMap map = chosen_kit(o.drum_map, library);
  MeterCycle meter{4, 4};
  Drill groove_drill;  // with --groove: the groove's pattern, bars and placements
  if (o.groove) {
    groove_drill.grid = o.grid;
    groove_drill.swing = o.swing;
    groove_drill.groove = o.groove;
    const std::string left_out = take_groove(groove_drill, map);
    if (!left_out.empty()) fmt::print(stderr, "{}\n", left_out);
  }
  try {
    meter = o.groove          ? groove_drill.meters
            : o.meter.empty() ? MeterCycle(meter_of(file).value_or(Meter{4, 4}))
                              : MeterCycle(parse_meter(o.meter));
    if (o.bpm) {
      if (!(*o.bpm >= kMinBpm && *o.bpm <= kMaxBpm)) {
        throw std::invalid_argument(fmt::format("tempo {:g} BPM is out of range: use {:g} to {:g}",
                                                *o.bpm, kMinBpm, kMaxBpm));
      }
      grid.emplace(Grid::constant(*o.bpm, meter, o.grid, o.start_ms / 1000.0, o.swing));
    } else {
      grid.emplace(grid_from_tempo_map(file, meter, o.grid, o.start_ms / 1000.0, o.swing));
    }
  } catch (const std::invalid_argument& e) {
    throw UsageError(e.what());
  }

  const RecordedPerformance performance = strokes_of(file, map, o.double_trigger_ms);
  AnalysisOptions scoring;
  Sticking sticking;
  ExpectedStrokes expected;
  try {
    validate_feel(o.feel);
    groove_drill.feel = o.feel;
    scoring.feel = feel_of(groove_drill, performance.pad_names);
    sticking = Sticking(o.sticking, performance.pad_names, grid->positions());
    scoring.sticking = &sticking;
    if (o.groove) expected = expected_strokes(groove_drill, performance.pad_names);
    scoring.expected = &expected;
  } catch (const std::invalid_argument& e) {
    throw UsageError(e.what());
  }
  Analysis analysis = analyze(performance.strokes, *grid, performance.pad_names,
                              performance.double_triggers, scoring);
  analysis.unmapped_notes = performance.unmapped_notes;
  const std::string unmapped = unmapped_notes_text(analysis.unmapped_notes, map, library);
  std::optional<std::int64_t> saved;
  if (o.save)
    saved = save_score(o, analysis, performance.pad_names, *grid, meter, groove_drill,
                       TickClock(file).quarter_bpm_at(0) * meter.tempo_unit() / 4.0);
  if (o.json) {
    if (!unmapped.empty()) fmt::print(stderr, "{}\n", unmapped);
    fmt::print("{}\n", analysis_json(analysis).dump(2));
    return kExitOk;
  }
  const std::string tempo = o.bpm ? format_bpm(*o.bpm)
                                  : fmt::format("the file's tempo ({} at the start)",
                                                format_bpm(TickClock(file).quarter_bpm_at(0)));
  fmt::print("{}\n  {} at {}, {}, drum map {}\n\n{}", o.file, grid_name(o.grid), tempo,
             to_string(meter), map.name(), analysis_table(analysis));
  if (!unmapped.empty()) fmt::print("\n{}\n", unmapped);
  if (saved) fmt::print("\nkept as session {} ('pocket show {}')\n", *saved, *saved);
  return kExitOk;
}

}  // namespace pocket::app
