#include "dynamics.hpp"

#include <algorithm>
#include <map>
#include <vector>

namespace pocket {

std::optional<Dynamics> dynamics_of(std::span<const ScoredStroke> scored, const Grid& grid,
                                    const ExpectedStrokes& expected) {
  if (!expected.has_dynamics()) return std::nullopt;
  std::vector<int> by_level[4];
  // Each pad's matched strokes in time order, with their level, for the neighbours of accents.
  std::map<int, std::vector<std::pair<Level, int>>> by_pad;
  for (const ScoredStroke& s : scored) {
    if (!s.matched) continue;
    const Level level = expected.level(s.stroke.pad, grid.position_of(s.slot));
    by_level[static_cast<int>(level)].push_back(s.stroke.velocity);
    by_pad[s.stroke.pad].push_back({level, s.stroke.velocity});
  }
  Dynamics d;
  d.accents = velocity_stats(by_level[static_cast<int>(Level::accent)]);
  d.normals = velocity_stats(by_level[static_cast<int>(Level::normal)]);
  d.ghosts = velocity_stats(by_level[static_cast<int>(Level::ghost)]);
  if (d.accents.strokes > 0 && d.normals.mean > 0.0) d.accent_gap = d.accents.mean / d.normals.mean;
  std::int64_t louder = 0;
  for (const auto& [pad, strokes] : by_pad) {
    for (std::size_t i = 0; i < strokes.size(); ++i) {
      if (strokes[i].first != Level::accent) continue;
      bool judged = false, above_all = true;
      for (const std::size_t n : {i - 1, i + 1}) {  // i - 1 wraps past the end at 0
        if (n >= strokes.size() || strokes[n].first != Level::normal) continue;
        judged = true;
        above_all = above_all && strokes[i].second > strokes[n].second;
      }
      if (!judged) continue;
      ++d.accents_judged;
      louder += above_all ? 1 : 0;
    }
  }
  if (d.accents_judged > 0)
    d.accents_louder = static_cast<double>(louder) / static_cast<double>(d.accents_judged);
  return d;
}

std::optional<DoubleStrokes> double_strokes_of(std::span<const ScoredStroke> scored,
                                               const Grid& grid, const Sticking& sticking) {
  if (sticking.empty()) return std::nullopt;
  std::map<std::pair<int, std::int64_t>, int> velocity;  // (pad, slot) -> velocity
  for (const ScoredStroke& s : scored) {
    if (s.matched) velocity.emplace(std::pair{s.stroke.pad, s.slot}, s.stroke.velocity);
  }
  std::vector<int> firsts, seconds;
  for (const auto& [key, second] : velocity) {
    const auto [pad, slot] = key;
    const auto first = velocity.find({pad, slot - 1});
    if (first == velocity.end()) continue;
    const Hand hand = sticking.hand_of(pad, grid.position_of(slot));
    const Hand before = sticking.hand_of(pad, grid.position_of(slot - 1));
    if (hand != before || (hand != Hand::right && hand != Hand::left)) continue;
    // Three in a row is not a double: the pair must be its hand's whole run.
    if (sticking.hand_of(pad, grid.position_of(slot - 2)) == hand ||
        sticking.hand_of(pad, grid.position_of(slot + 1)) == hand)
      continue;
    firsts.push_back(first->second);
    seconds.push_back(second);
  }
  if (firsts.empty()) return std::nullopt;
  const double first_mean = velocity_stats(firsts).mean;
  return DoubleStrokes{static_cast<std::int64_t>(firsts.size()),
                       first_mean > 0.0 ? velocity_stats(seconds).mean / first_mean : 0.0};
}

}  // namespace pocket
