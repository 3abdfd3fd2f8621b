// pocket export ID --format csv|json|mid: a session's strokes for spreadsheets, notebooks, DAWs.
#include <cmath>
#include <fstream>
#include <map>

#include <fmt/format.h>
#include <boost/program_options.hpp>
#include <nlohmann/json.hpp>

#include "command.hpp"
#include "command_line.hpp"
#include "history/stored_session.hpp"
#include "history_files.hpp"
#include "midi/midi_file_writer.hpp"
#include "presets/preset_library.hpp"
#include "store/stored_json.hpp"

namespace po = boost::program_options;

namespace pocket::app {

namespace {

constexpr int kTicksPerQuarter = 1920;  // fine enough that rounding to ticks moves no statistic
constexpr int kClickAccentNote = 76;    // GM hi wood block: no drum map takes it for a pad
constexpr int kClickBeatNote = 77;      // GM low wood block

std::string csv(const StoredSession& s) {
  std::string out = "seconds,frame,bar,slot,pad,velocity,offset_ms\n";
  for (const StoredStroke& k : s.strokes) {
    out += fmt::format("{:.6f},{},{},{},{},{},{:.3f}\n", k.seconds, k.frame, k.bar, k.slot, k.pad,
                       k.velocity, k.offset_ms);
  }
  return out;
}

// Stored JSON text as a value; null when there is none (a session that never finished).
std::string json(const StoredSession& s) {
  const SessionRecord& r = s.record;
  nlohmann::json j;
  j["session"] = {{"id", r.id},
                  {"started_at", r.started_at},
                  {"ended_at", r.ended_at},
                  {"drill", r.drill},
                  {"status", status_text(r)},
                  {"settings", stored_text_json(r.settings_json)},
                  {"bpm_low", r.bpm_low},
                  {"bpm_high", r.bpm_high},
                  {"audio_device", r.audio_device},
                  {"midi_port", r.midi_port},
                  {"output_latency_ms", r.output_latency_ms},
                  {"calibration_ms", r.calibration_ms},
                  {"precision_bound_ms", r.precision_bound_ms},
                  {"verdict", r.verdict},
                  {"note", r.note}};
  j["summary"] = stored_text_json(r.summary_json);
  j["steps"] = nlohmann::json::array();
  for (const StoredStep& st : s.steps) j["steps"].push_back(stored_step_json(st));
  j["strokes"] = nlohmann::json::array();
  for (const StoredStroke& k : s.strokes) j["strokes"].push_back(stored_stroke_json(k));
  return j.dump(2) + "\n";
}

// The tempo the click played from each bar on: the ladder's steps, or one tempo.
struct TempoFrom {
  std::int64_t bar;
  double bpm;
};

std::vector<TempoFrom> tempo_sections(const StoredSession& s) {
  std::vector<TempoFrom> sections;
  for (const StoredStep& step : s.steps) {
    if (sections.empty() || step.bpm != sections.back().bpm)
      sections.push_back({step.first_bar, step.bpm});
  }
  if (sections.empty()) sections.push_back({0, s.record.bpm_low});
  sections.front().bar = 0;
  return sections;
}

// Click on one track, strokes on another, with a bar of count-in before the drill's first bar
// line so that a stroke played early on the first beat keeps its offset. Positions are counted
// in whole notes, which every meter of a cycle shares.
std::vector<std::uint8_t> midi(const StoredSession& s) {
  if (s.strokes.empty()) throw std::runtime_error("the session has no strokes to export");
  const std::vector<TempoFrom> sections = tempo_sections(s);
  const MeterCycle& meters = s.meters;
  constexpr double kTicksPerWhole = 4.0 * kTicksPerQuarter;
  const double count_in_wholes = meters.wholes_before(-1);
  const auto tick_of_wholes = [&](double wholes) {
    return (wholes - count_in_wholes) * kTicksPerWhole;
  };
  const auto seconds_per_whole = [&](const TempoFrom& section) {
    return meters.tempo_unit() * 60.0 / section.bpm;
  };
  // Seconds from the drill's first bar line to each section's start.
  std::vector<double> section_seconds = {0.0};
  for (std::size_t i = 1; i < sections.size(); ++i) {
    const double wholes =
        meters.wholes_before(sections[i].bar) - meters.wholes_before(sections[i - 1].bar);
    section_seconds.push_back(section_seconds.back() + wholes * seconds_per_whole(sections[i - 1]));
  }
  const auto seconds_of_slot = [&](std::int64_t slot) {
    const double wholes = static_cast<double>(slot) / s.grid;
    std::size_t i = 0;
    while (i + 1 < sections.size() && wholes >= meters.wholes_before(sections[i + 1].bar)) ++i;
    return section_seconds[i] +
           (wholes - meters.wholes_before(sections[i].bar)) * seconds_per_whole(sections[i]);
  };
  const auto tick_of_seconds = [&](double t) {
    std::size_t i = 0;
    while (i + 1 < sections.size() && t >= section_seconds[i + 1]) ++i;
    return tick_of_wholes(meters.wholes_before(sections[i].bar) +
                          (t - section_seconds[i]) / seconds_per_whole(sections[i]));
  };
  // Where the drill's first bar line sat in the stream, from any stroke and its slot.
  const StoredStroke& first = s.strokes.front();
  const double drill_start = first.seconds - first.offset_ms / 1000.0 - seconds_of_slot(first.slot);

  MidiFileWriter writer(kTicksPerQuarter);
  const std::int64_t last_bar = s.strokes.back().bar;
  for (std::int64_t bar = -1; bar <= last_bar; ++bar) {
    if (bar == -1 || meters.meter_of(bar) != meters.meter_of(bar - 1)) {
      const Meter& m = meters.meter_of(bar);
      writer.add_time_signature(std::llround(tick_of_wholes(meters.wholes_before(bar))), m.beats,
                                m.unit);
    }
  }
  for (const TempoFrom& section : sections) {
    const std::int64_t tick =
        section.bar == 0 ? 0 : std::llround(tick_of_wholes(meters.wholes_before(section.bar)));
    writer.add_tempo(tick, section.bpm * 4.0 / meters.tempo_unit());
  }
  const int click = writer.add_track("click");
  for (std::int64_t bar = -1; bar <= last_bar; ++bar) {
    const Meter& m = meters.meter_of(bar);
    for (int beat = 0; beat < m.beats; ++beat) {
      const double wholes = meters.wholes_before(bar) + static_cast<double>(beat) / m.unit;
      writer.add_note(click, std::llround(tick_of_wholes(wholes)), 9,
                      beat == 0 ? kClickAccentNote : kClickBeatNote, beat == 0 ? 110 : 80,
                      kTicksPerQuarter / 8);
    }
  }
  const int strokes = writer.add_track("strokes");
  const DrumMap gm = PresetLibrary::standard().kit("gm");
  // Each pad's General MIDI note: its head (no articulation) when it has one, else its first.
  std::map<std::string, int> note_of;
  for (int n = 127; n >= 0; --n) {
    if (gm.pad_of(n) < 0) continue;
    const std::string& pad = gm.pad_names()[static_cast<std::size_t>(gm.pad_of(n))];
    if (note_of.count(pad) == 0 || gm.articulation_of(n).empty() ||
        !gm.articulation_of(note_of[pad]).empty())
      note_of[pad] = n;
  }
  for (const StoredStroke& k : s.strokes) {
    const auto found = note_of.find(k.pad);
    if (found == note_of.end()) continue;  // a pad of the player's own map with no GM note
    const int note = found->second;
    const auto tick = std::llround(tick_of_seconds(k.seconds - drill_start));
    writer.add_note(strokes, tick, 9, note, k.velocity, kTicksPerQuarter / 16);
  }
  return writer.bytes();
}

}  // namespace

int run_export(const std::vector<std::string>& args) {
  std::int64_t id = 0;
  std::string format = "csv", out, db;
  po::options_description options(
      "pocket export ID: a session's strokes as CSV or JSON (spreadsheets, notebooks) or as a\n"
      "Standard MIDI File with the click on one track and the strokes on another "
      "(DAWs)\n\noptions");
  options.add_options()("help,h", "show this help")("id", po::value(&id)->required(),
                                                    "the session")(
      "format", po::value(&format)->default_value(format), "csv, json or mid")(
      "out,o", po::value(&out),
      "the file to write (default: standard output; session-ID.mid for mid)")(
      "db", po::value(&db), "the history database");
  po::positional_options_description positional;
  positional.add("id", 1);
  po::variables_map vm;
  if (!parse_command_line(args, options, positional, vm,
                          "pocket export 12 --format mid --out take12.mid"))
    return kExitOk;
  if (format != "csv" && format != "json" && format != "mid") {
    throw UsageError(fmt::format("format '{}': use csv, json or mid", format));
  }
  const SessionStore store = open_store(db);
  const StoredSession s = load_session(store, id);
  if (format == "mid" && out.empty()) out = fmt::format("session-{}.mid", id);
  if (format == "mid") {
    MidiFileWriter::save_bytes(midi(s), out);
  } else if (out.empty()) {
    fmt::print("{}", format == "csv" ? csv(s) : json(s));
    return kExitOk;
  } else {
    std::ofstream file(out);
    file << (format == "csv" ? csv(s) : json(s));
    if (!file) throw std::runtime_error(fmt::format("cannot write '{}'", out));
  }
  fmt::print(stderr, "wrote {} ({} strokes)\n", out, s.strokes.size());
  return kExitOk;
}

}  // namespace pocket::app
