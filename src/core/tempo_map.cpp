#include "tempo_map.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>

#include <fmt/format.h>

namespace pocket {

namespace {

void validate_bpm(double bpm, std::size_t section) {
  if (!(bpm >= kMinBpm && bpm <= kMaxBpm)) {
    throw std::invalid_argument(
        fmt::format("tempo {:g} BPM (section {}) is out of range: use {:g} to {:g}", bpm,
                    section + 1, kMinBpm, kMaxBpm));
  }
}

double beats_in(const TempoSection& section) {
  return static_cast<double>(section.bars) * section.meter.beats;
}

// Seconds from the start of the section to `beats` beats into it.
double seconds_into(const TempoSection& section, double beats) {
  if (!section.is_ramp()) return beats * 60.0 / section.start_bpm;
  // Tempo b(x) = b0 + d x / L over L beats; t(x) = integral of 60 / b(x) dx.
  const double span = beats_in(section);
  const double delta = section.end_bpm - section.start_bpm;
  return 60.0 * span / delta * std::log1p(delta * beats / (span * section.start_bpm));
}

}  // namespace

TempoMap::TempoMap(std::vector<TempoSection> sections) : sections_(std::move(sections)) {
  if (sections_.empty()) throw std::invalid_argument("a tempo map needs at least one section");
  first_bar_.reserve(sections_.size() + 1);
  start_seconds_.reserve(sections_.size() + 1);
  std::int64_t bar = 0;
  double seconds = 0.0;
  for (std::size_t i = 0; i < sections_.size(); ++i) {
    const TempoSection& section = sections_[i];
    validate(section.meter);
    validate_bpm(section.start_bpm, i);
    validate_bpm(section.end_bpm, i);
    if (section.bars < 1) {
      throw std::invalid_argument(
          fmt::format("section {} has {} bars: it needs at least 1", i + 1, section.bars));
    }
    first_bar_.push_back(bar);
    start_seconds_.push_back(seconds);
    bar += section.bars;
    seconds += seconds_into(section, beats_in(section));
  }
  first_bar_.push_back(bar);
  start_seconds_.push_back(seconds);
}

std::size_t TempoMap::section_of(std::int64_t bar) const {
  const auto it = std::upper_bound(first_bar_.begin(), first_bar_.end() - 1, bar);
  return it == first_bar_.begin() ? 0 : static_cast<std::size_t>(it - first_bar_.begin() - 1);
}

double TempoMap::seconds_at(std::int64_t bar, double beat) const {
  const std::size_t i = section_of(bar);
  const TempoSection& section = sections_[i];
  const double beats = static_cast<double>(bar - first_bar_[i]) * section.meter.beats + beat;
  return start_seconds_[i] + seconds_into(section, beats);
}

double TempoMap::bpm_at(std::int64_t bar, double beat) const {
  const std::size_t i = section_of(bar);
  const TempoSection& section = sections_[i];
  if (!section.is_ramp()) return section.start_bpm;
  const double beats = static_cast<double>(bar - first_bar_[i]) * section.meter.beats + beat;
  return section.start_bpm + (section.end_bpm - section.start_bpm) * beats / beats_in(section);
}

Meter TempoMap::meter_of(std::int64_t bar) const { return sections_[section_of(bar)].meter; }

}  // namespace pocket
