#include "meter_cycle.hpp"

#include <algorithm>
#include <charconv>
#include <stdexcept>

#include <fmt/format.h>

namespace pocket {

MeterCycle::MeterCycle(Meter meter) : MeterCycle(std::vector<Meter>{meter}) {}

MeterCycle::MeterCycle(std::vector<Meter> meters) : meters_(std::move(meters)) {
  if (meters_.empty()) throw std::invalid_argument("a meter sequence needs at least one meter");
  if (meters_.size() > 16) throw std::invalid_argument("a meter sequence holds at most 16 meters");
  double wholes = 0.0;
  for (const Meter& m : meters_) {
    validate(m);
    wholes_before_.push_back(wholes);
    wholes += static_cast<double>(m.beats) / m.unit;
  }
  wholes_before_.push_back(wholes);
}

MeterCycle MeterCycle::of_song(const std::vector<MeterChange>& changes) {
  if (changes.empty() || changes.front().bar != 0)
    throw std::invalid_argument("a song's meters start at its first bar");
  std::vector<Meter> meters;
  std::vector<Run> runs;
  double wholes = 0.0;
  for (std::size_t i = 0; i < changes.size(); ++i) {
    const MeterChange& c = changes[i];
    validate(c.meter);
    if (i > 0 && c.bar <= changes[i - 1].bar)
      throw std::invalid_argument(
          fmt::format("the song's meter changes at bar {} after bar {}: give them in order",
                      c.bar + 1, changes[i - 1].bar + 1));
    if (i > 0 && c.meter == changes[i - 1].meter)
      throw std::invalid_argument(
          fmt::format("the song's meter at bar {} is {} already", c.bar + 1, to_string(c.meter)));
    auto known = std::find(meters.begin(), meters.end(), c.meter);
    if (known == meters.end()) {
      meters.push_back(c.meter);
      known = meters.end() - 1;
    }
    if (i > 0) {
      const Meter& before = meters[runs.back().meter];
      wholes += static_cast<double>(c.bar - runs.back().first_bar) * before.beats / before.unit;
    }
    runs.push_back({c.bar, static_cast<std::size_t>(known - meters.begin()), wholes});
  }
  if (meters.size() > 16)
    throw std::invalid_argument(fmt::format(
        "the song plays {} different meters: pocket follows at most 16", meters.size()));
  MeterCycle song(std::move(meters));
  if (song.size() > 1) song.runs_ = std::move(runs);
  return song;
}

std::size_t MeterCycle::run_of(std::int64_t bar) const {
  const auto after = std::upper_bound(runs_.begin(), runs_.end(), bar,
                                      [](std::int64_t b, const Run& r) { return b < r.first_bar; });
  return after == runs_.begin() ? 0 : static_cast<std::size_t>(after - runs_.begin() - 1);
}

std::string MeterCycle::label_prefix(std::size_t meter_index) const {
  if (meters_.size() == 1) return "";
  if (!runs_.empty()) return to_string(meters_[meter_index]) + ":";
  return fmt::format("{}:", static_cast<int>(meter_index) + first_bar_number_);
}

std::size_t MeterCycle::index_of(std::int64_t bar) const {
  if (bar < 0) return 0;
  if (!runs_.empty()) return runs_[run_of(bar)].meter;
  return static_cast<std::size_t>(bar % static_cast<std::int64_t>(meters_.size()));
}

double MeterCycle::wholes_before(std::int64_t bar) const {
  if (bar < 0) return static_cast<double>(bar) * meters_.front().beats / meters_.front().unit;
  if (!runs_.empty()) {
    const Run& run = runs_[run_of(bar)];
    const Meter& m = meters_[run.meter];
    return run.wholes_before + static_cast<double>(bar - run.first_bar) * m.beats / m.unit;
  }
  const auto n = static_cast<std::int64_t>(meters_.size());
  return static_cast<double>(bar / n) * wholes_before_.back() +
         wholes_before_[static_cast<std::size_t>(bar % n)];
}

MeterCycle parse_meter_cycle(std::string_view text) {
  std::vector<MeterChange> changes;
  bool song = false, each_placed = true;
  while (true) {
    const auto comma = text.find(',');
    std::string_view item = text.substr(0, comma);
    auto bar = static_cast<std::int64_t>(changes.size()) + 1;
    if (const auto at = item.find('@'); at != std::string_view::npos) {
      const std::string_view number = item.substr(at + 1);
      const auto [end, error] = std::from_chars(number.data(), number.data() + number.size(), bar);
      if (error != std::errc{} || end != number.data() + number.size() || bar < 1)
        throw std::invalid_argument(
            fmt::format("'{}': give the bar a meter starts on after '@', counting from 1", item));
      item = item.substr(0, at);
      song = true;
    } else if (!changes.empty()) {
      each_placed = false;
    }
    changes.push_back({bar - 1, parse_meter(item)});
    if (comma == std::string_view::npos) break;
    text.remove_prefix(comma + 1);
  }
  if (song && !each_placed)
    throw std::invalid_argument("give each meter after the first the bar it starts on: 4/4,3/4@9");
  if (song) return MeterCycle::of_song(changes);
  std::vector<Meter> meters;
  for (const MeterChange& c : changes) meters.push_back(c.meter);
  return MeterCycle(std::move(meters));
}

std::string to_string(const MeterCycle& cycle) {
  std::string text;
  if (!cycle.runs().empty()) {
    for (const MeterCycle::Run& r : cycle.runs())
      text += text.empty()
                  ? to_string(cycle.meters()[r.meter])
                  : fmt::format(",{}@{}", to_string(cycle.meters()[r.meter]), r.first_bar + 1);
    return text;
  }
  for (const Meter& m : cycle.meters()) text += (text.empty() ? "" : ",") + to_string(m);
  return text;
}

}  // namespace pocket
