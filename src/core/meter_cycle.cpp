#include "meter_cycle.hpp"

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

std::size_t MeterCycle::index_of(std::int64_t bar) const {
  if (bar < 0) return 0;
  return static_cast<std::size_t>(bar % static_cast<std::int64_t>(meters_.size()));
}

double MeterCycle::wholes_before(std::int64_t bar) const {
  if (bar < 0) return static_cast<double>(bar) * meters_.front().beats / meters_.front().unit;
  const auto n = static_cast<std::int64_t>(meters_.size());
  return static_cast<double>(bar / n) * wholes_before_.back() +
         wholes_before_[static_cast<std::size_t>(bar % n)];
}

MeterCycle parse_meter_cycle(std::string_view text) {
  std::vector<Meter> meters;
  while (true) {
    const auto comma = text.find(',');
    meters.push_back(parse_meter(text.substr(0, comma)));
    if (comma == std::string_view::npos) break;
    text.remove_prefix(comma + 1);
  }
  return MeterCycle(std::move(meters));
}

std::string to_string(const MeterCycle& cycle) {
  std::string text;
  for (const Meter& m : cycle.meters()) text += (text.empty() ? "" : ",") + to_string(m);
  return text;
}

}  // namespace pocket
