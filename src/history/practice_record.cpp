#include "practice_record.hpp"

#include <algorithm>
#include <map>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "core/tempo_text.hpp"
#include "history/session_digest.hpp"

namespace pocket {

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
  std::vector<SessionOutline> outlines = digested_outlines(store, {drill, "", -1});
  std::reverse(outlines.begin(), outlines.end());  // oldest first
  return held_tempos(outlines);
}

std::vector<HeldTempo> held_tempos(const std::vector<SessionOutline>& oldest_first) {
  std::vector<HeldTempo> out;
  for (const SessionOutline& o : oldest_first) {
    const auto date = parse_date(o.started_at.substr(0, 10));
    if (!date) continue;
    out.push_back({*date, o.digest->held_bpm});
  }
  return out;
}

std::optional<double> SongSession::held_percent() const {
  if (!outline.digest->held_bpm) return std::nullopt;
  return *outline.digest->held_bpm * 100.0 / song_bpm;
}

std::vector<SongSession> song_sessions(const SessionStore& store, const std::string& fingerprint) {
  std::map<std::int64_t, double> song_bpm;  // the sessions with the song: its tempo at 100 %
  for (const SessionRecord& r : store.history({"", "", -1})) {
    const nlohmann::json settings = nlohmann::json::parse(r.settings_json, nullptr, false);
    if (!settings.is_object() || !settings.contains("song")) continue;
    const nlohmann::json& song = settings["song"];
    if (!song.is_object() || song.value("fingerprint", std::string()) != fingerprint) continue;
    if (const double bpm = song.value("bpm", 0.0); bpm > 0.0) song_bpm[r.id] = bpm;
  }
  std::vector<SongSession> out;
  if (song_bpm.empty()) return out;
  for (SessionOutline& o : digested_outlines(store, {"", "", -1})) {
    const auto bpm = song_bpm.find(o.id);
    if (bpm != song_bpm.end()) out.push_back({std::move(o), bpm->second});
  }
  std::reverse(out.begin(), out.end());  // oldest first
  return out;
}

std::vector<HeldTempo> held_song_speeds(const std::vector<SongSession>& oldest_first) {
  std::vector<HeldTempo> out;
  for (const SongSession& s : oldest_first) {
    if (const auto date = parse_date(s.outline.started_at.substr(0, 10)))
      out.push_back({*date, s.held_percent()});
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

}  // namespace pocket
