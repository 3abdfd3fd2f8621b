#include "feel_text.hpp"

#include <cmath>

#include <fmt/format.h>

#include "labels.hpp"

namespace pocket {

namespace {

std::string percent_of_pair(double percent) {
  // The triplet reads as people write it, the rest to the whole percent.
  return std::abs(percent - 200.0 / 3.0) < 0.05 ? "66.7 %" : fmt::format("{:.0f} %", percent);
}

}  // namespace

std::string swing_sentence(const Analysis& a) {
  const std::string asked =
      a.swing_asked.active()
          ? fmt::format("the drill asks {}", percent_of_pair(a.swing_asked.percent))
          : "the drill asks straight (50 %)";
  if (!a.swing) {
    if (!a.swing_asked.active()) return "";
    return fmt::format("swing: no pairs of {}ths played to measure, {}", a.swing_asked.unit, asked);
  }
  const SwingReading& r = a.swing->pooled;
  return fmt::format("swing: you swung {} on {}ths over {} pair{}, {}", percent_of_pair(r.percent),
                     a.swing->unit, r.pairs, r.pairs == 1 ? "" : "s", asked);
}

std::vector<std::string> feel_sentences(const Analysis& a) {
  std::vector<std::string> out;
  for (const auto& [pad, intended] : a.feel) {
    const std::string meant = fmt::format("{} meant {:.0f} ms {} the beat", pad, std::abs(intended),
                                          intended > 0.0 ? "behind" : "ahead of");
    const PadTiming* played = a.pad(pad);
    if (played == nullptr) {
      out.push_back(meant + ", not played");
      continue;
    }
    const double mean = played->stats.mean_offset_ms;
    const std::string sat = std::abs(mean) < 0.5
                                ? "sat right there"
                                : fmt::format("sat {:.1f} ms {} than that", std::abs(mean),
                                              mean > 0.0 ? "later" : "earlier");
    out.push_back(fmt::format("{}, {}, {} within 10 ms of it", meant, sat,
                              labels::percent(played->stats.within_10ms)));
  }
  return out;
}

}  // namespace pocket
