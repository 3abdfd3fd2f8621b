#include "practice_record.hpp"

#include <algorithm>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "command.hpp"
#include "core/tempo_text.hpp"

namespace pocket::app {

namespace {

PassRule stored_rule(const nlohmann::json& settings) {
  PassRule rule;
  if (!settings.is_object()) return rule;
  rule.min_slots_within_25ms = settings.value("pass_within", 85.0) / 100.0;
  rule.max_sd_ms = settings.value("max_sd_ms", rule.max_sd_ms);
  return rule;
}

}  // namespace

std::optional<double> held_tempo(const SessionRecord& r, const std::vector<StoredStep>& steps) {
  if (!steps.empty()) {
    std::optional<double> best;
    for (const StoredStep& step : steps) {
      if (step.passed && step.complete) best = std::max(best.value_or(0.0), step.bpm);
    }
    return best;
  }
  if (r.unfinished() || r.status != "finished") return std::nullopt;
  const nlohmann::json summary = nlohmann::json::parse(r.summary_json, nullptr, false);
  if (!summary.is_object() || summary.value("hits", 0) == 0) return std::nullopt;
  // The summary keeps what the rule reads: the share of slots within 25 ms and the SD.
  const PassRule rule = stored_rule(nlohmann::json::parse(r.settings_json, nullptr, false));
  const bool share_ok = summary.value("slots_within_25ms", 0.0) >= rule.min_slots_within_25ms;
  const bool sd_ok = summary.value("sd_offset_ms", 1e9) <= rule.max_sd_ms;
  if (!share_ok || !sd_ok) return std::nullopt;
  return r.bpm_low;
}

std::vector<HeldTempo> held_tempos(const SessionStore& store, const std::string& drill) {
  std::vector<SessionRecord> records = store.history({drill, "", 1000000});
  std::reverse(records.begin(), records.end());  // oldest first
  std::vector<HeldTempo> out;
  for (const SessionRecord& r : records) {
    const auto date = parse_date(r.started_at.substr(0, 10));
    if (!date) continue;
    out.push_back({*date, held_tempo(r, store.steps(r.id))});
  }
  return out;
}

std::optional<double> consolidated_from_history(const SessionStore& store,
                                                const std::string& drill) {
  return consolidated_tempo(held_tempos(store, drill));
}

double healthy_cap(const PresetLibrary& library, const std::string& drill) {
  try {
    const Drill d = library.drill(drill).drill;
    if (d.ladder) return d.ladder->max_increase_percent;
  } catch (const std::exception&) {
    // play, ladder, score, or a drill no longer on disk: the default cap
  }
  return LadderConfig{}.max_increase_percent;
}

GoalProjection goal_projection(const SessionStore& store, const PresetLibrary& library,
                               const StoredGoal& goal, std::chrono::sys_days today) {
  return project_goal(held_tempos(store, goal.drill), Goal{goal.bpm, parse_date(goal.by_date)},
                      today, healthy_cap(library, goal.drill));
}

std::string goal_in_words(const SessionStore& store, const PresetLibrary& library,
                          const StoredGoal& goal, std::chrono::sys_days today) {
  return fmt::format("Your goal on {}: {}{}. {}", goal.drill, format_bpm(goal.bpm),
                     goal.by_date.empty() ? "" : " by " + goal.by_date,
                     goal_projection(store, library, goal, today).message);
}

std::chrono::sys_days today() {
  return std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now());
}

std::chrono::sys_days today_or(const std::string& option) {
  if (option.empty()) return today();
  const auto date = parse_date(option);
  if (!date) throw UsageError(fmt::format("--today '{}': use a date like 2026-12-01", option));
  return *date;
}

std::string drill_settings_json(const Drill& d) {
  nlohmann::json j = {{"meter", to_string(d.meters)},
                      {"grid", d.scored_grid()},
                      {"subdivision", d.click.subdivision},
                      {"count_in", d.click.count_in_bars},
                      {"accents", d.click.accents},
                      {"sound", d.sound},
                      {"pass_within", d.rule.min_slots_within_25ms * 100.0},
                      {"max_sd_ms", d.rule.max_sd_ms}};
  if (d.click.gap.active())
    j["gap"] = std::to_string(d.click.gap.play_bars) + ":" + std::to_string(d.click.gap.mute_bars);
  if (d.ladder) {
    j["from"] = d.ladder->start_bpm;
    j["to"] = d.ladder->target_bpm;
    j["step"] = d.ladder->step.percent ? nlohmann::json(fmt::format("{:g}%", d.ladder->step.amount))
                                       : nlohmann::json(d.ladder->step.amount);
    j["bars"] = d.ladder->bars_per_step;
    j["direction"] = to_string(d.ladder->direction);
  } else {
    j["bpm"] = d.bpm;
    if (d.bars > 0) j["bars"] = d.bars;
  }
  if (d.swing.active()) {
    j["swing"] = {{"percent", d.swing.percent}, {"on", d.resolved_swing().unit}};
  }
  if (!d.feel.empty()) j["feel"] = d.feel;
  if (d.groove) {
    j["groove"] = {{"file", d.groove->file},
                   {"target", d.groove->target == GrooveTarget::grid ? "grid" : "performance"},
                   {"loop", d.groove->loop}};
  }
  for (const StickingLine& line : d.sticking) {
    if (line.pad.empty()) {
      j["sticking"] = line.marks;  // one line for every pad
    } else {
      if (!j.contains("sticking") || !j["sticking"].is_object())
        j["sticking"] = nlohmann::json::object();
      j["sticking"][line.pad] = line.marks;
    }
  }
  if (!d.pattern.empty()) {
    j["pattern"] = nlohmann::json::object();
    for (const PadPattern& p : d.pattern) j["pattern"][p.pad] = p.marks;
  }
  const auto window = [](const PassRule& rule) {
    return nlohmann::json{{"within_25ms", rule.min_slots_within_25ms * 100.0},
                          {"max_sd_ms", rule.max_sd_ms}};
  };
  if (d.click.random_mute.active()) {
    j["random_mute"] = {{"percent", d.click.random_mute.percent},
                        {"rise_bars", d.mute_rise_bars()},
                        {"seed", d.click.random_mute.seed}};
  }
  if (d.silent_while_tight) {
    j["silent_while_tight"] = {{"after_bars", d.silent_while_tight->after_bars},
                               {"window", window(d.silent_while_tight->window)}};
  }
  if (d.quiet_count) {
    j["quiet_count"] = {{"play_bars", d.quiet_count->play_bars},
                        {"first_gap_bars", d.quiet_count->first_gap_bars},
                        {"max_gap_bars", d.quiet_count->max_gap_bars},
                        {"window", window(d.quiet_count->window)}};
  }
  return j.dump();
}

}  // namespace pocket::app
