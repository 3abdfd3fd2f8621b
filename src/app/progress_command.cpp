// pocket progress: the consolidated tempo and the consistency across sessions, and what a
// healthy next session looks like.
#include <algorithm>
#include <fstream>
#include <iostream>

#include <fmt/format.h>
#include <boost/program_options.hpp>

#include "command.hpp"
#include "core/tempo_ladder.hpp"
#include "report/progress_view.hpp"
#include "stored_session.hpp"

namespace po = boost::program_options;

namespace pocket::app {

namespace {

// The tempo a session held: a ladder's highest solid step, or a whole session at one tempo
// that met the pass rule.
std::optional<double> consolidated(const StoredSession& s) {
  if (!s.steps.empty()) {
    std::optional<double> best;
    for (const StoredStep& step : s.steps) {
      if (step.passed && step.complete) best = std::max(best.value_or(0.0), step.bpm);
    }
    return best;
  }
  if (s.analysis.timing.hits == 0 || s.record.unfinished()) return std::nullopt;
  if (!check_rule(PassRule{}, s.analysis.total).passed) return std::nullopt;
  return s.record.bpm_low;
}

}  // namespace

int run_progress(const std::vector<std::string>& args) {
  std::string drill, html, db;
  double max_increase = 5.0;
  po::options_description options(
      "pocket progress: your consolidated tempo and consistency over time\n\noptions");
  options.add_options()("help,h", "show this help")("drill", po::value(&drill),
                                                    "only this drill: play, ladder or score")(
      "max-increase", po::value(&max_increase)->default_value(max_increase),
      "healthy pace: % above the consolidated tempo at most")(
      "html", po::value(&html), "also write the charts to this HTML file")("db", po::value(&db),
                                                                           "the history database");
  po::variables_map vm;
  po::store(po::command_line_parser(args).options(options).run(), vm);
  if (vm.count("help")) {
    std::cout << options << "\nexample: pocket progress --drill ladder --html progress.html\n";
    return kExitOk;
  }
  po::notify(vm);

  const SessionStore store = open_store(db);
  std::vector<SessionRecord> records = store.history({drill, "", 100000});
  std::reverse(records.begin(), records.end());  // oldest first
  std::vector<ProgressPoint> points;
  for (const SessionRecord& r : records) {
    const StoredSession s = load_session(store, r.id);
    if (s.analysis.timing.hits == 0) continue;
    points.push_back(
        {r.started_at.substr(0, 10), r.drill, consolidated(s), s.analysis.timing.sd_offset_ms});
  }
  if (points.empty()) {
    fmt::print("no sessions with strokes yet: play one and come back\n");
    return kExitOk;
  }
  std::vector<std::optional<double>> tempos, spreads;
  std::optional<double> latest;
  for (const ProgressPoint& p : points) {
    tempos.push_back(p.consolidated_bpm);
    spreads.push_back(p.sd_ms);
    if (p.consolidated_bpm) latest = p.consolidated_bpm;
  }
  fmt::print("{} sessions from {} to {}\n", points.size(), points.front().date, points.back().date);
  fmt::print("  consolidated tempo  {}  {}\n", sparkline(tempos),
             latest ? fmt::format("latest {:g} BPM", *latest) : "none held yet");
  fmt::print("  SD                  {}  latest {:.1f} ms (lower is steadier)\n", sparkline(spreads),
             points.back().sd_ms);
  std::string suggestion;
  if (latest) {
    const SessionSuggestion next = suggest_next_session(*latest, max_increase);
    suggestion = fmt::format(
        "Next session: start around {:g} BPM and go no higher than {:g} BPM today ({:g}% above "
        "{:g} BPM, "
        "the last tempo you held).",
        next.start_bpm, next.max_bpm, max_increase, *latest);
  } else {
    suggestion =
        "Next session: stay at a tempo where your timing holds; the climb starts from there.";
  }
  fmt::print("\n{}\n", suggestion);
  if (!html.empty()) {
    std::ofstream file(html);
    file << progress_html(points, suggestion);
    if (!file) throw std::runtime_error(fmt::format("cannot write '{}'", html));
    fmt::print("wrote {}\n", std::filesystem::absolute(html).string());
  }
  return kExitOk;
}

}  // namespace pocket::app
