// pocket progress: per drill, the tempo held and the consistency across sessions, the goal,
// and what a healthy next session looks like.
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>

#include <fmt/format.h>
#include <boost/program_options.hpp>

#include "command.hpp"
#include "command_line.hpp"
#include "core/errors.hpp"
#include "core/tempo_ladder.hpp"
#include "core/tempo_text.hpp"
#include "history/practice_record.hpp"
#include "history/session_digest.hpp"
#include "history_files.hpp"
#include "presets/drill_file.hpp"
#include "presets/preset_library.hpp"
#include "report/labels.hpp"
#include "report/progress_measure.hpp"
#include "report/progress_view.hpp"

namespace po = boost::program_options;

namespace pocket::app {

namespace {

// The next session in words: from the consolidated tempo (a song's speed), at most `cap` % up.
std::string suggestion_text(ProgressMeasure measure, const std::optional<double>& consolidated,
                            double cap) {
  const std::string_view noun = progress_measure::words(measure).noun;
  if (!consolidated) {
    return fmt::format(
        "Next session: stay at a {} where your timing holds; the climb starts from there.", noun);
  }
  const SessionSuggestion next = suggest_next_session(*consolidated, cap);
  const auto value = [&](double held) { return progress_measure::value(measure, held); };
  return fmt::format(
      "Next session: start around {} and go no higher than {} ({}% above {}, the {} you hold).",
      value(next.start_bpm), value(next.max_bpm), format_one_decimal(cap), value(*consolidated),
      noun);
}

DrillProgress drill_progress(const SessionStore& store, const PresetLibrary& library,
                             const std::string& drill, const std::vector<SessionOutline>& sessions,
                             std::optional<double> cap_option, std::chrono::sys_days now) {
  DrillProgress p;
  p.drill = drill;
  p.today = format_date(now);
  p.max_increase_percent = cap_option ? *cap_option : healthy_cap(library, drill);
  // The same history as the ladder's cap and the goals read.
  const std::vector<HeldTempo> held = held_tempos(sessions);
  for (const SessionOutline& s : sessions) {
    if (s.digest->hits == 0) continue;  // nothing to draw
    p.points.push_back({s.started_at.substr(0, 10), s.digest->held_bpm, s.digest->sd_offset_ms});
  }
  p.consolidated_bpm = consolidated_tempo(held);
  if (const std::optional<StoredGoal> goal = store.goal(drill)) {
    p.goal_bpm = goal->bpm;
    p.goal_by = goal->by_date;
    p.goal_text =
        project_goal(held, Goal{goal->bpm, parse_date(goal->by_date)}, now, p.max_increase_percent)
            .message;
  }
  p.suggestion =
      suggestion_text(ProgressMeasure::tempo, p.consolidated_bpm, p.max_increase_percent);
  return p;
}

// A song's speed over the sessions that played along with it, whatever the drill, in % of its
// tempo: a section like a drill's, without a goal.
DrillProgress song_progress(const std::string& name, const std::vector<SongSession>& sessions,
                            double cap, std::chrono::sys_days now) {
  DrillProgress p;
  p.measure = ProgressMeasure::speed;
  p.drill = name;
  p.today = format_date(now);
  p.max_increase_percent = cap;
  for (const SongSession& s : sessions) {
    p.points.push_back(
        {s.outline.started_at.substr(0, 10), s.held_percent(), s.outline.digest->sd_offset_ms});
  }
  p.consolidated_bpm = consolidated_tempo(held_song_speeds(sessions));
  p.suggestion = suggestion_text(ProgressMeasure::speed, p.consolidated_bpm, cap);
  return p;
}

// "kick 6.1, snare 8.0, hihat 9.2 ms": each pad's SD in a session, from its digest.
std::string pads_text(const std::vector<PadDigest>& pads) {
  std::string text;
  for (const PadDigest& pad : pads) {
    if (pad.hits < 2) continue;  // no spread to tell
    text += fmt::format("{}{} {:.1f}", text.empty() ? "" : ", ", pad.pad, pad.sd_offset_ms);
  }
  return text.empty() ? text : text + " ms";
}

void print_drill(const DrillProgress& p, const std::vector<PadDigest>& latest_pads) {
  std::vector<std::optional<double>> tempos, spreads;
  for (const ProgressPoint& point : p.points) {
    tempos.push_back(point.held_bpm);
    spreads.push_back(point.sd_ms);
  }
  fmt::print("{}: {} session{} from {} to {}\n", p.drill, p.points.size(),
             p.points.size() == 1 ? "" : "s", p.points.front().date, p.points.back().date);
  fmt::print("  tempo held  {}  {}\n", sparkline(tempos),
             p.consolidated_bpm ? fmt::format("consolidated {}", format_bpm(*p.consolidated_bpm))
                                : "none held yet");
  fmt::print("  SD          {}  latest {} (lower is steadier)\n", sparkline(spreads),
             labels::ms(p.points.back().sd_ms));
  if (const std::string pads = pads_text(latest_pads); !pads.empty())
    fmt::print("  SD by pad   {} (latest)\n", pads);
  if (p.goal_bpm) {
    fmt::print("  goal        {}{}: {}\n", format_bpm(*p.goal_bpm),
               p.goal_by.empty() ? "" : " by " + p.goal_by, p.goal_text);
  }
  fmt::print("  {}\n", p.suggestion);
}

void write_html(const std::string& path, const std::vector<DrillProgress>& sections) {
  std::ofstream file(path);
  file << progress_html(sections);
  if (!file) throw std::runtime_error(fmt::format("cannot write '{}'", path));
  fmt::print("\nwrote {}\n", std::filesystem::absolute(path).string());
}

// A song's speed over the sessions that played along with it, whatever the drill; with `html`,
// its charts too.
int print_song_progress(const SessionStore& store, const std::string& path, double cap,
                        std::chrono::sys_days now, const std::string& html) {
  if (!std::filesystem::is_regular_file(path))
    throw UsageError(
        fmt::format("--song {}: no such file (the song itself: pocket knows it by "
                    "its bytes)",
                    path));
  const std::string name = std::filesystem::path(path).filename().string();
  std::vector<SongSession> sessions = song_sessions(store, file_fingerprint(path));
  std::erase_if(sessions, [](const SongSession& s) { return s.outline.digest->hits == 0; });
  if (sessions.empty()) {
    fmt::print(
        "no sessions with strokes on {} yet: play along with it (--backing {}) and come "
        "back\n",
        name, path);
    return kExitOk;
  }
  const DrillProgress p = song_progress(name, sessions, cap, now);
  std::vector<std::optional<double>> speeds, spreads;
  for (const ProgressPoint& point : p.points) {
    speeds.push_back(point.held_bpm);
    spreads.push_back(point.sd_ms);
  }
  fmt::print("{}: {} session{} from {} to {}\n", name, p.points.size(),
             p.points.size() == 1 ? "" : "s", p.points.front().date, p.points.back().date);
  fmt::print(
      "  speed held  {}  {}\n", sparkline(speeds),
      p.consolidated_bpm
          ? "solid at " + progress_measure::value(p.measure, *p.consolidated_bpm) + " of its tempo"
          : "none held yet");
  fmt::print("  SD          {}  latest {} (lower is steadier)\n", sparkline(spreads),
             labels::ms(p.points.back().sd_ms));
  fmt::print("  {}\n", p.suggestion);
  if (!html.empty()) write_html(html, {p});
  return kExitOk;
}

}  // namespace

int run_progress(const std::vector<std::string>& args) {
  std::string drill, song, html, db, today_text;
  po::options_description options(
      "pocket progress: per drill, the tempo you hold and your consistency over time\n\noptions");
  options.add_options()("help,h", "show this help")("drill", po::value(&drill),
                                                    "only this drill (see 'pocket drills')")(
      "song", po::value(&song),
      "a song played along with (--backing FILE): the speed you hold on it, whatever the drill")(
      "max-increase", po::value<double>(),
      "healthy pace: % above the consolidated tempo (a song's speed) at most (default: the "
      "drill's, else 5)")("html", po::value(&html), "also write the charts to this HTML file")(
      "today", po::value(&today_text), "look ahead from this date (default: today)")(
      "db", po::value(&db), "the history database");
  po::variables_map vm;
  if (!parse_command_line(args, options, {}, vm,
                          "pocket progress --drill paradiddles --html p.html\n"
                          "       pocket progress --song song.wav --html song.html"))
    return kExitOk;
  std::optional<double> cap;
  if (vm.count("max-increase")) cap = vm["max-increase"].as<double>();
  const std::chrono::sys_days now = today_or(today_text);

  const SessionStore store = open_store(db);
  if (!song.empty()) {
    if (!drill.empty())
      throw UsageError("--song shows one song, whatever the drill: leave out --drill");
    return print_song_progress(store, song, cap.value_or(LadderConfig{}.max_increase_percent), now,
                               html);
  }
  std::vector<SessionOutline> sessions = digested_outlines(store, {drill, "", -1});
  std::map<std::string, std::vector<SessionOutline>> by_drill;
  std::vector<std::string> order;  // drills by their latest session, newest first
  for (const SessionOutline& s : sessions) {
    if (by_drill.count(s.drill) == 0) order.push_back(s.drill);
    by_drill[s.drill];
  }
  std::reverse(sessions.begin(), sessions.end());  // oldest first
  for (SessionOutline& s : sessions) by_drill[s.drill].push_back(std::move(s));

  const PresetLibrary library = PresetLibrary::standard();
  std::vector<DrillProgress> drills;
  std::vector<std::vector<PadDigest>> latest_pads;  // of each drill's latest session with hits
  for (const std::string& name : order) {
    DrillProgress p = drill_progress(store, library, name, by_drill[name], cap, now);
    if (p.points.empty()) continue;
    drills.push_back(std::move(p));
    const auto latest = std::find_if(by_drill[name].rbegin(), by_drill[name].rend(),
                                     [](const SessionOutline& s) { return s.digest->hits > 0; });
    latest_pads.push_back(full_digest(store, latest->id).pads);
  }
  if (drills.empty()) {
    fmt::print("no sessions with strokes yet{}: play one and come back\n",
               drill.empty() ? "" : " on " + drill);
    if (!drill.empty()) {
      if (const std::optional<StoredGoal> goal = store.goal(drill)) {
        fmt::print("your goal on {}: {}{}\n", drill, format_bpm(goal->bpm),
                   goal->by_date.empty() ? "" : " by " + goal->by_date);
      }
    }
    return kExitOk;
  }
  for (std::size_t i = 0; i < drills.size(); ++i) {
    if (i > 0) fmt::print("\n");
    print_drill(drills[i], latest_pads[i]);
  }
  if (!html.empty()) write_html(html, drills);
  return kExitOk;
}

}  // namespace pocket::app
