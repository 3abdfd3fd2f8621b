// pocket history, show, note and delete: reviewing the kept sessions.
#include <unistd.h>
#include <algorithm>
#include <cstdio>
#include <iostream>
#include <string>

#include <fmt/format.h>
#include <boost/program_options.hpp>
#include <nlohmann/json.hpp>

#include "command.hpp"
#include "command_line.hpp"
#include "core/tempo_text.hpp"
#include "history/session_digest.hpp"
#include "history/stored_session.hpp"
#include "history_files.hpp"
#include "report/analysis_table.hpp"
#include "views/click_modes_text.hpp"
#include "views/wrapped_text.hpp"

namespace po = boost::program_options;

namespace pocket::app {

int run_history(const std::vector<std::string>& args) {
  HistoryFilter filter;
  std::string db;
  po::options_description options("pocket history: your kept sessions, newest first\n\noptions");
  options.add_options()("help,h", "show this help")(
      "drill", po::value(&filter.drill),
      "only this drill (see 'pocket drills'), or play, ladder, score")(
      "since", po::value(&filter.since), "only sessions on or after this date (YYYY-MM-DD)")(
      "limit", po::value(&filter.limit)->default_value(filter.limit), "at most this many sessions")(
      "all", "every session")("db", po::value(&db), "the history database");
  po::variables_map vm;
  if (!parse_command_line(args, options, {}, vm,
                          "pocket history --drill ladder --since 2026-11-01"))
    return kExitOk;
  if (vm.count("all")) filter.limit = -1;

  const SessionStore store = open_store(db);
  const std::vector<SessionRecord> rows = store.history(filter);
  if (rows.empty()) {
    fmt::print(
        "no sessions kept yet: 'pocket play' or 'pocket score FILE.mid --save' start the "
        "history\n");
    return kExitOk;
  }
  std::size_t drill_width = 5;
  for (const SessionRecord& r : rows) drill_width = std::max(drill_width, r.drill.size());
  fmt::print("{:>4}  {:<16}  {:<{}}  {:<13}  {:>6}  {:>6}  {:>7}  {}\n", "id", "date", "drill",
             drill_width, "tempo", "25 ms", "SD", "mean", "verdict");
  for (const SessionRecord& r : rows) {
    const SessionDigest d = full_digest(store, r.id);
    const std::string verdict = r.unfinished() ? "(unfinished) " + r.verdict : r.verdict;
    fmt::print("{:>4}  {:<16}  {:<{}}  {:<13}  {:>5.0f}%  {:>6.1f}  {:>+7.1f}  {}\n", r.id,
               r.started_at.substr(0, 16).replace(10, 1, " "), r.drill, drill_width, tempo_text(r),
               d.within_25ms * 100.0, d.sd_offset_ms, d.mean_offset_ms, shortened(verdict, 60));
  }
  const std::int64_t older = store.count(filter) - static_cast<std::int64_t>(rows.size());
  if (older > 0) fmt::print("{} older: --all\n", older);
  return kExitOk;
}

int run_show(const std::vector<std::string>& args) {
  std::int64_t id = 0;
  std::string db;
  po::options_description options("pocket show ID: one session in detail\n\noptions");
  options.add_options()("help,h", "show this help")("id", po::value(&id)->required(),
                                                    "the session")("db", po::value(&db),
                                                                   "the history database");
  po::positional_options_description positional;
  positional.add("id", 1);
  po::variables_map vm;
  if (!parse_command_line(args, options, positional, vm, "pocket show 12")) return kExitOk;

  const SessionStore store = open_store(db);
  const StoredSession s = load_session(store, id);
  const SessionRecord& r = s.record;
  fmt::print("session {}: {} on {}, {} ({})\n", r.id, r.drill, r.started_at, tempo_text(r),
             status_text(r));
  if (!r.audio_device.empty())
    fmt::print("  audio {} (output latency {:.1f} ms)\n", r.audio_device, r.output_latency_ms);
  if (!r.midi_port.empty()) {
    fmt::print("  midi {}{}\n", r.midi_port,
               r.precision_bound_ms > 0
                   ? fmt::format(" (strokes timed within {:.1f} ms)", r.precision_bound_ms)
                   : "");
  }
  fmt::print("  calibration {:+.1f} ms\n", r.calibration_ms);
  if (s.song) fmt::print("  played along with {}\n", song_speed_text(*s.song, s.steps));
  if (!r.note.empty()) fmt::print("  note: {}\n", r.note);
  const nlohmann::json summary = nlohmann::json::parse(r.summary_json, nullptr, false);
  if (summary.is_object() && summary.contains("click_modes")) {
    fmt::print("{}", click_modes_text(summary["click_modes"]));
  }
  fmt::print("\n{}", analysis_table(s.analysis, s.record.precision_bound_ms));
  if (!s.steps.empty()) {
    fmt::print("\n  {:>4}  {:>7}  {:>5}  {:>7}  {:>7}  {:>7}  {}\n", "step", "BPM", "bars", "25 ms",
               "SD ms", "mean ms", "result");
    for (const StoredStep& step : s.steps) {
      fmt::print("  {:>4}  {:>7}  {:>5}  {:>6.0f}%  {:>7.1f}  {:>+7.1f}  {}{}\n", step.index + 1,
                 format_one_decimal(step.bpm), step.bars, step.slots_within_25ms * 100.0,
                 step.sd_offset_ms, step.mean_offset_ms, step.passed ? "solid" : "not yet",
                 step.complete ? "" : " (cut short)");
    }
  }
  if (!r.verdict.empty()) fmt::print("\n{}\n", r.verdict);
  if (r.unfinished()) {
    fmt::print(
        "\nThis session did not end cleanly; the strokes of every completed bar were kept.\n");
  }
  return kExitOk;
}

int run_note(const std::vector<std::string>& args) {
  std::int64_t id = 0;
  std::string text, db;
  po::options_description options(
      "pocket note ID \"text\": add your own words to a session\n\noptions");
  options.add_options()("help,h", "show this help")(
      "id", po::value(&id)->required(), "the session")("text", po::value(&text)->required(),
                                                       "the note")("db", po::value(&db),
                                                                   "the history database");
  po::positional_options_description positional;
  positional.add("id", 1).add("text", 1);
  po::variables_map vm;
  if (!parse_command_line(args, options, positional, vm,
                          "pocket note 12 \"tired wrists, good groove\""))
    return kExitOk;
  SessionStore store = open_store(db);
  if (!store.set_note(id, text))
    throw UsageError(fmt::format("there is no session {} (see 'pocket history')", id));
  fmt::print("noted on session {}\n", id);
  return kExitOk;
}

int run_delete(const std::vector<std::string>& args) {
  std::int64_t id = 0;
  std::string db;
  bool yes = false;
  po::options_description options("pocket delete ID: remove a session and its strokes\n\noptions");
  options.add_options()("help,h", "show this help")(
      "id", po::value(&id)->required(), "the session")("yes", po::bool_switch(&yes), "do not ask")(
      "db", po::value(&db), "the history database");
  po::positional_options_description positional;
  positional.add("id", 1);
  po::variables_map vm;
  if (!parse_command_line(args, options, positional, vm, "pocket delete 12 --yes")) return kExitOk;
  SessionStore store = open_store(db);
  const std::optional<SessionRecord> r = store.session(id);
  if (!r) throw UsageError(fmt::format("there is no session {} (see 'pocket history')", id));
  if (!yes) {
    if (isatty(STDIN_FILENO) == 0) throw UsageError("not deleting without a question: add --yes");
    fmt::print("delete session {} ({} on {}, {})? [y/N] ", id, r->drill, r->started_at,
               tempo_text(*r));
    std::fflush(stdout);
    std::string answer;
    std::getline(std::cin, answer);
    if (answer != "y" && answer != "Y" && answer != "yes") {
      fmt::print("kept\n");
      return kExitOk;
    }
  }
  store.remove(id);
  fmt::print("deleted session {}\n", id);
  return kExitOk;
}

}  // namespace pocket::app
