// pocket goal and pocket goals: the tempos the player chose to reach, where they stand, their
// own rate, and what a date would take.
#include <iostream>

#include <fmt/format.h>
#include <boost/program_options.hpp>

#include "command.hpp"
#include "command_line.hpp"
#include "core/tempo_text.hpp"
#include "history/practice_record.hpp"
#include "history_files.hpp"
#include "live/session_recorder.hpp"
#include "presets/preset_library.hpp"

namespace po = boost::program_options;

namespace pocket::app {

namespace {

std::string goal_text(const StoredGoal& g) {
  return format_bpm(g.bpm) + (g.by_date.empty() ? "" : " by " + g.by_date);
}

// "+1.5 BPM a week over the last 8 weeks, give or take 0.2": the slope and its standard error.
std::string rate_text(const TempoTrend& trend) {
  if (!trend.measured()) return "not measured yet";
  return fmt::format("{} BPM a week over the last {} weeks, give or take {}",
                     format_bpm_change(*trend.bpm_per_week), kTrendWindowDays / 7,
                     format_bpm_change(*trend.standard_error_per_week, false));
}

void print_goal(const SessionStore& store, const PresetLibrary& library, const StoredGoal& g,
                std::chrono::sys_days today) {
  const GoalProjection p = goal_projection(store, library, g, today);
  fmt::print("{}: {}\n", g.drill, goal_text(g));
  fmt::print("  consolidated now  {}\n",
             p.consolidated_bpm ? format_bpm(*p.consolidated_bpm) : "none yet");
  fmt::print("  your rate         {}\n", rate_text(p.trend));
  if (p.next_session_max_bpm) {
    // The per-session ceiling: how far the next session may climb, not where the weeks lead.
    fmt::print("  next session      up to {}, {}% above what you hold\n",
               format_bpm(*p.next_session_max_bpm),
               format_one_decimal(healthy_cap(library, g.drill)));
  }
  fmt::print("  {}\n", p.message);
}

// A drill the player can set a goal on: a preset, play or ladder, or one in the history.
void check_drill(const SessionStore& store, const PresetLibrary& library,
                 const std::string& drill) {
  if (drill == "play" || drill == "ladder" || !store.history({drill, "", 1}).empty()) return;
  for (const PresetEntry& e : library.drills()) {
    if (e.name == drill) return;
  }
  throw UsageError(fmt::format(
      "there is no drill '{}': 'pocket drills' lists them (play and ladder count too)", drill));
}

}  // namespace

int run_goal(const std::vector<std::string>& args) {
  std::string drill, by, db, today_text;
  double bpm = 0.0;
  bool clear = false;
  po::options_description options(
      "pocket goal DRILL --bpm B [--by DATE]: set the tempo you want to hold on a drill;\n"
      "without --bpm, show how it is going: the tempo you hold, your own rate over the last\n"
      "8 weeks, the most the next session may climb, and a date only when your rate clearly\n"
      "rises (by more than twice its standard error) and reaches the goal within two "
      "years\n\noptions");
  options.add_options()("help,h", "show this help")("drill", po::value(&drill)->required(),
                                                    "the drill (see 'pocket drills')")(
      "bpm", po::value(&bpm), "the tempo to reach, 20 to 400")(
      "by", po::value(&by),
      "the date you would like to hold it by (YYYY-MM-DD): pocket sets the weekly rise it takes "
      "beside your best eight weeks")("clear", po::bool_switch(&clear), "remove the drill's goal")(
      "today", po::value(&today_text), "measure up to this date (default: today)")(
      "db", po::value(&db), "the history database");
  po::positional_options_description positional;
  positional.add("drill", 1);
  po::variables_map vm;
  if (!parse_command_line(args, options, positional, vm,
                          "pocket goal paradiddles --bpm 160 --by 2027-03-01"))
    return kExitOk;
  SessionStore store = open_store(db);
  const PresetLibrary library = PresetLibrary::standard();
  const std::chrono::sys_days now = today_or(today_text);
  if (clear) {
    if (!store.clear_goal(drill))
      fmt::print("{} had no goal\n", drill);
    else
      fmt::print("the goal on {} is cleared\n", drill);
    return kExitOk;
  }
  if (vm.count("bpm") == 0) {
    const std::optional<StoredGoal> goal = store.goal(drill);
    if (!goal) {
      fmt::print("no goal on {} yet: 'pocket goal {} --bpm B' sets one\n", drill, drill);
      return kExitOk;
    }
    print_goal(store, library, *goal, now);
    return kExitOk;
  }
  check_drill(store, library, drill);
  if (!(bpm >= kMinBpm && bpm <= kMaxBpm))
    throw UsageError(fmt::format("--bpm {:g}: use {:g} to {:g}", bpm, kMinBpm, kMaxBpm));
  if (!by.empty() && !parse_date(by))
    throw UsageError(fmt::format("--by '{}': use a date like 2027-03-01", by));
  if (!by.empty() && *parse_date(by) <= now)
    throw UsageError(fmt::format("--by {} is not ahead of today ({}): choose a later date, or none",
                                 by, format_date(now)));
  const StoredGoal goal{drill, bpm, by, utc_now()};
  store.set_goal(goal);
  fmt::print("goal set\n");
  print_goal(store, library, goal, now);
  return kExitOk;
}

int run_goals(const std::vector<std::string>& args) {
  std::string db, today_text;
  po::options_description options(
      "pocket goals: your goals, where you are, your own rate and what each date takes\n\noptions");
  options.add_options()("help,h", "show this help")("today", po::value(&today_text),
                                                    "measure up to this date (default: today)")(
      "db", po::value(&db), "the history database");
  po::variables_map vm;
  if (!parse_command_line(args, options, {}, vm, "pocket goals")) return kExitOk;
  const SessionStore store = open_store(db);
  const std::vector<StoredGoal> goals = store.goals();
  if (goals.empty()) {
    fmt::print(
        "no goals yet: 'pocket goal DRILL --bpm B' sets one, e.g. pocket goal "
        "paradiddles --bpm 160\n");
    return kExitOk;
  }
  const PresetLibrary library = PresetLibrary::standard();
  const std::chrono::sys_days now = today_or(today_text);
  for (std::size_t i = 0; i < goals.size(); ++i) {
    if (i > 0) fmt::print("\n");
    print_goal(store, library, goals[i], now);
  }
  return kExitOk;
}

}  // namespace pocket::app
