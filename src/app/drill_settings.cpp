#include "drill_settings.hpp"

#include <filesystem>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "presets/drill_file.hpp"

namespace pocket::app {

std::string drill_settings_json(const Drill& d, const BackingOptions* song) {
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
  if (song != nullptr) {
    j["song"] = {{"file", std::filesystem::path(song->file).filename().string()},
                 {"path", song->file},
                 {"fingerprint", file_fingerprint(song->file)},
                 {"speed", song->speed},
                 {"bpm", d.bpm / song->speed},  // the song's tempo at 100 %
                 {"first_bar_seconds", song->first_bar_seconds}};
    if (song->section_bars > 0)
      j["song"]["section"] =
          fmt::format("{}:{}", song->section_from, song->section_from + song->section_bars - 1);
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
