#include "drill.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>

#include <fmt/format.h>

#include "grid.hpp"
#include "tempo_map.hpp"

namespace pocket {

namespace {

void validate_window(const PassRule& rule, const char* mode) {
  if (!(rule.min_slots_within_25ms >= 0.0 && rule.min_slots_within_25ms <= 1.0) ||
      !(rule.max_sd_ms > 0.0)) {
    throw std::invalid_argument(fmt::format(
        "{}: the window needs a share of slots from 0 to 100% and an SD above 0 ms", mode));
  }
}

void check_range(int value, int low, int high, const char* what) {
  if (value < low || value > high) {
    throw std::invalid_argument(fmt::format("{} is {}: use {} to {}", what, value, low, high));
  }
}

}  // namespace

int Drill::scored_grid() const {
  if (grid > 0) return grid;
  int unit = 1;
  for (const Meter& m : meters.meters()) unit = std::max(unit, m.unit);
  return unit * click.subdivision;
}

bool drill_plays_pad(const Drill& drill, std::string_view pad) {
  const auto named = [&](const auto& line) { return line.pad == pad; };
  return std::any_of(drill.pattern.begin(), drill.pattern.end(), named) ||
         std::any_of(drill.sticking.begin(), drill.sticking.end(), named) ||
         drill.feel.count(std::string(pad)) > 0;
}

std::int64_t Drill::mute_rise_bars() const {
  if (click.random_mute.rise_bars > 0) return click.random_mute.rise_bars;
  if (ladder) return planned_bars(*ladder);
  return bars > 0 ? bars : 16;
}

void validate(const Drill& d) {
  validate(d.click);
  const int grid = d.scored_grid();
  validate_grid(grid);
  // Checks that the grid fits the meters and can swing as asked.
  const Grid slots = Grid::constant(d.start_bpm(), d.meters, grid, 0.0, d.swing);
  validate_feel(d.feel);
  for (std::size_t i = 0; i < d.meters.size(); ++i) {
    accents_for(d.click, i, d.meters.size(), d.meters.meters()[i].beats);
  }
  if (d.ladder) {
    validate(*d.ladder);
  } else {
    TempoMap({{d.meters.first(), 1, d.bpm, d.bpm}});  // checks the tempo
    if (d.bars == 0 || d.bars < -1) throw std::invalid_argument("a drill needs at least 1 bar");
  }
  validate_window(d.rule, "the pass rule");
  for (const PadPattern& p : d.pattern) check_pattern(p, slots.positions(), d.meters.size() > 1);
  for (const StickingLine& line : d.sticking) check_sticking(line, slots.positions());

  if (d.silent_while_tight) {
    check_range(d.silent_while_tight->after_bars, 1, 64, "silent while tight: after_bars");
    validate_window(d.silent_while_tight->window, "silent while tight");
  }
  if (d.quiet_count) {
    const QuietCount& q = *d.quiet_count;
    check_range(q.play_bars, 1, 64, "quiet count: play_bars");
    check_range(q.max_gap_bars, 1, 64, "quiet count: max_gap_bars");
    check_range(q.first_gap_bars, 1, q.max_gap_bars, "quiet count: first_gap_bars");
    validate_window(q.window, "quiet count");
  }
  const std::vector<std::string> silencers = silencing_modes(d);
  if (silencers.size() > 1) {
    throw std::invalid_argument(fmt::format(
        "{} and {} both decide when the click is silent: keep one", silencers[0], silencers[1]));
  }
  if (d.ladder && !silencers.empty()) {
    throw std::invalid_argument(fmt::format(
        "{} silences the click, and a ladder's new tempo must be heard: use it on a fixed tempo",
        silencers[0]));
  }
}

ExpectedStrokes expected_strokes(const Drill& d, std::span<const std::string> pad_names) {
  const int positions = Grid::constant(d.start_bpm(), d.meters, d.scored_grid()).positions();
  return ExpectedStrokes(d.pattern, pad_names, positions, d.meters.size() > 1);
}

void validate_feel(const std::map<std::string, double>& feel) {
  for (const auto& [pad, ms] : feel) {
    if (!(std::abs(ms) <= kMaxFeelMs)) {
      throw std::invalid_argument(
          fmt::format("the feel of {} is {:.1f} ms: use -{:.0f} (pushed) to {:.0f} (laid back)",
                      pad, ms, kMaxFeelMs, kMaxFeelMs));
    }
  }
}

Feel feel_of(const std::map<std::string, double>& feel_ms, std::span<const std::string> pad_names) {
  Feel feel;
  for (const auto& [pad, ms] : feel_ms) {
    const auto it = std::find(pad_names.begin(), pad_names.end(), pad);
    if (it == pad_names.end()) {
      throw std::invalid_argument(
          fmt::format("the feel names '{}', a pad this kit does not have (it has {})", pad,
                      fmt::join(pad_names, ", ")));
    }
    const auto index = static_cast<std::size_t>(it - pad_names.begin());
    feel.ms_by_pad.resize(std::max(feel.ms_by_pad.size(), index + 1), 0.0);
    feel.ms_by_pad[index] = ms;
  }
  return feel;
}

Feel feel_of(const Drill& drill, std::span<const std::string> pad_names) {
  Feel feel = feel_of(drill.feel, pad_names);
  const int positions =
      Grid::constant(drill.start_bpm(), drill.meters, drill.scored_grid()).positions();
  for (const auto& [where, slots] : drill.placements) {
    const auto it = std::find(pad_names.begin(), pad_names.end(), where.first);
    if (it == pad_names.end()) continue;  // the pattern names it: expected_strokes says so
    auto& by_position = feel.slots_by_pad_position;
    const auto pad = static_cast<std::size_t>(it - pad_names.begin());
    by_position.resize(std::max(by_position.size(), pad + 1));
    by_position[pad].resize(static_cast<std::size_t>(positions), 0.0);
    by_position[pad].at(static_cast<std::size_t>(where.second)) = slots;
  }
  return feel;
}

Sticking sticking_of(const Drill& d, std::span<const std::string> pad_names) {
  const int positions = Grid::constant(d.start_bpm(), d.meters, d.scored_grid()).positions();
  return Sticking(d.sticking, pad_names, positions);
}

std::vector<std::string> silencing_modes(const Drill& d) {
  std::vector<std::string> modes;
  if (d.click.gap.active()) modes.emplace_back("click.gap");
  if (d.silent_while_tight) modes.emplace_back("silent_while_tight");
  if (d.quiet_count) modes.emplace_back("quiet_count");
  return modes;
}

}  // namespace pocket
