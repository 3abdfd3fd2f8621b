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

std::string loudness(const VelocityStats& v) {
  return fmt::format("{:.0f} ±{:.0f}%", v.mean, 100.0 * v.cv());
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

std::vector<std::string> dynamics_sentences(const Analysis& a) {
  std::vector<std::string> out;
  std::string pads;
  for (const PadTiming& p : a.pads)
    pads += fmt::format("{}{} {}", pads.empty() ? "" : ", ", p.pad, loudness(p.velocity));
  if (!pads.empty()) out.push_back("loudness: " + pads);
  if (a.dynamics) {
    const Dynamics& d = *a.dynamics;
    std::string marks;
    const auto add = [&](const char* name, const VelocityStats& v) {
      if (v.strokes > 0)
        marks += fmt::format("{}{} {}", marks.empty() ? "" : ", ", name, loudness(v));
    };
    add("accents", d.accents);
    add("normal strokes", d.normals);
    add("ghost notes", d.ghosts);
    out.push_back(marks);
    if (d.accent_gap > 0.0) {
      out.push_back(fmt::format("accents {:.2f} times as loud as normal strokes", d.accent_gap) +
                    (d.accents_judged > 0
                         ? fmt::format(", {} of them louder than the strokes around them",
                                       labels::percent(d.accents_louder))
                         : ""));
    }
  }
  if (a.doubles) {
    out.push_back(fmt::format("doubles: the second stroke at {} of the first over {} pair{}",
                              labels::percent(a.doubles->second_over_first), a.doubles->pairs,
                              a.doubles->pairs == 1 ? "" : "s"));
  }
  return out;
}

}  // namespace pocket
