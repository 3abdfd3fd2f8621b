// pocket report ID: one session as a self-contained HTML page with charts.
#include <fstream>

#include <fmt/format.h>
#include <boost/program_options.hpp>

#include "command.hpp"
#include "command_line.hpp"
#include "core/timing_summary.hpp"
#include "history/practice_record.hpp"
#include "history/stored_session.hpp"
#include "history_files.hpp"
#include "report/feel_text.hpp"
#include "report/html_report.hpp"
#include "session_report.hpp"

namespace po = boost::program_options;

namespace pocket::app {

namespace {

ReportData report_data(const StoredSession& s) {
  const SessionRecord& r = s.record;
  ReportData d;
  d.title = fmt::format("Session {}", r.id);
  d.started_at = r.started_at;
  d.drill = r.drill;
  d.tempo = tempo_text(r);
  d.status = status_text(r);
  d.summary = describe_timing(s.analysis.timing);
  if (!s.steps.empty()) d.verdict = r.verdict;
  d.note = r.note;
  d.devices = r.audio_device.empty() ? r.midi_port
                                     : fmt::format("{}; MIDI {}", r.audio_device, r.midi_port);
  d.precision_bound_ms = r.precision_bound_ms;
  d.timing = s.analysis.timing;
  d.missed = s.analysis.missed;
  d.extra = s.analysis.extra;
  d.double_triggers = s.analysis.double_triggers;
  d.pads = s.analysis.pads;
  d.positions = s.analysis.positions;
  d.swing = swing_sentence(s.analysis);
  d.feel = feel_sentences(s.analysis);
  d.hands = s.analysis.hands;
  d.dynamics = dynamics_sentences(s.analysis);
  d.levels = s.analysis.dynamics;
  if (const auto compared = compare_hands(s.analysis.hands, r.precision_bound_ms))
    d.hands_summary = compared->sentence;
  const Grid labels = s.positions();
  for (const StoredStroke& k : s.strokes) {
    const int position = labels.position_of(k.slot);
    d.strokes.push_back(
        {k.seconds, k.pad, k.offset_ms, labels.position_label(position), labels.on_beat(position)});
  }
  for (const StoredStep& step : s.steps) {
    // The step starts on the slot of the first stroke of its first bar.
    double start = -1.0;
    for (const StoredStroke& k : s.strokes) {
      if (k.bar >= step.first_bar) {
        start = k.seconds - k.offset_ms / 1000.0;
        break;
      }
    }
    if (start < 0.0) continue;
    d.steps.push_back({step.bpm, start, step.bars, step.complete, step.passed,
                       step.slots_within_25ms, step.sd_offset_ms, step.mean_offset_ms});
  }
  return d;
}

}  // namespace

void write_session_report(const SessionStore& store, std::int64_t id,
                          const std::filesystem::path& out) {
  const StoredSession session = load_session(store, id);
  ReportData data = report_data(session);
  if (const std::optional<StoredGoal> goal = store.goal(session.record.drill)) {
    data.goal = goal_in_words(store, PresetLibrary::standard(), *goal, today());
  }
  std::ofstream file(out);
  file << html_report(data);
  if (!file) throw std::runtime_error(fmt::format("cannot write '{}'", out.string()));
}

int run_report(const std::vector<std::string>& args) {
  std::int64_t id = 0;
  std::string out, db;
  po::options_description options(
      "pocket report ID: the session as one HTML file with charts, to open in any "
      "browser\n\noptions");
  options.add_options()("help,h", "show this help")("id", po::value(&id)->required(),
                                                    "the session")(
      "out,o", po::value(&out), "the file to write (default: session-ID.html)")(
      "db", po::value(&db), "the history database");
  po::positional_options_description positional;
  positional.add("id", 1);
  po::variables_map vm;
  if (!parse_command_line(args, options, positional, vm, "pocket report 12 --out ladder.html"))
    return kExitOk;
  if (out.empty()) out = fmt::format("session-{}.html", id);
  write_session_report(open_store(db), id, out);
  fmt::print("wrote {}\n", std::filesystem::absolute(out).string());
  return kExitOk;
}

}  // namespace pocket::app
