#include "analysis_table.hpp"

#include <cmath>

#include <fmt/format.h>

#include "core/timing_summary.hpp"
#include "feel_text.hpp"
#include "labels.hpp"

namespace pocket {

namespace {

std::string signed_ms(double value) {
  return fmt::format("{:+.1f}", std::abs(value) < 0.05 ? 0.0 : value);
}

void timing_row(std::string& out, const std::string& name, const TimingStats& s) {
  out += fmt::format("  {:<10} {:>6} {:>8} {:>7.1f} {:>7} {:>7}\n", name, s.hits,
                     signed_ms(s.mean_offset_ms), s.sd_offset_ms, labels::percent(s.within_10ms),
                     labels::percent(s.within_25ms));
}

constexpr const char* kTimingHeader = "  {:<10} {:>6} {:>8} {:>7} {:>7} {:>7}\n";

}  // namespace

std::string analysis_table(const Analysis& a, double measuring_error_ms) {
  const TimingStats& t = a.timing;
  std::string out;
  out += fmt::format("  strokes scored   {:>8}\n", t.hits);
  out += fmt::format("  missed slots     {:>8}\n", a.missed);
  out += fmt::format("  extra strokes    {:>8}\n", a.extra);
  out += fmt::format("  double triggers  {:>8}\n", a.double_triggers);
  out +=
      fmt::format("  mean offset      {:>8} ms   (+ late, - early)\n", signed_ms(t.mean_offset_ms));
  out += fmt::format("  SD               {:>8.1f} ms\n", t.sd_offset_ms);
  out += fmt::format("  median |offset|  {:>8.1f} ms\n", t.median_abs_offset_ms);
  out += fmt::format("  within 10 ms     {:>8}\n", labels::percent(t.within_10ms));
  out += fmt::format("  within 25 ms     {:>8}\n", labels::percent(t.within_25ms));
  out += fmt::format("  drift            {:>8} ms/min (+ dragging, - rushing)\n",
                     signed_ms(t.drift_ms_per_min));
  if (a.flams.slots > 0) {
    out += fmt::format("  flams            {:>8.1f} ms mean spread between limbs on {} slots\n",
                       a.flams.mean_spread_ms, a.flams.slots);
  }

  if (const std::string swing = swing_sentence(a); !swing.empty()) out += "\n  " + swing + "\n";
  const std::vector<std::string> feel = feel_sentences(a);
  if (!feel.empty()) out += "\n  feel\n";
  for (const std::string& line : feel) out += "    " + line + "\n";

  if (!a.pads.empty()) {
    out += "\n" + fmt::format(kTimingHeader, "pad", "hits", "mean ms", "SD ms", "10 ms", "25 ms");
    for (const PadTiming& p : a.pads) timing_row(out, p.pad, p.stats);
  }
  if (!a.hands.empty()) {
    out += "\n" + fmt::format("  {:<10} {:>6} {:>8} {:>7} {:>7} {:>7} {:>9} {:>7}\n", "hand",
                              "hits", "mean ms", "SD ms", "10 ms", "25 ms", "velocity", "even");
    for (const HandStats& h : a.hands) {
      const TimingStats& s = h.timing;
      out += fmt::format("  {:<10} {:>6} {:>8} {:>7.1f} {:>7} {:>7} {:>9.0f} {:>7}\n",
                         to_string(h.hand), s.hits, signed_ms(s.mean_offset_ms), s.sd_offset_ms,
                         labels::percent(s.within_10ms), labels::percent(s.within_25ms),
                         h.velocity.mean, fmt::format("±{:.0f}%", 100.0 * h.velocity.cv()));
    }
    if (const auto compared = compare_hands(a.hands, measuring_error_ms))
      out += "  " + compared->sentence + "\n";
  }
  const std::vector<std::string> dynamics = dynamics_sentences(a);
  if (!dynamics.empty()) out += "\n  dynamics (MIDI velocity, ± its spread over the mean)\n";
  for (const std::string& line : dynamics) out += "    " + line + "\n";
  if (!a.positions.empty()) {
    out +=
        "\n" + fmt::format(kTimingHeader, "position", "hits", "mean ms", "SD ms", "10 ms", "25 ms");
    for (const PositionTiming& p : a.positions) timing_row(out, p.label, p.stats);
  }
  if (a.patterned) {
    out += "\n  against the pattern\n";
    if (a.missed_at.empty() && a.extra_at.empty()) out += "    every stroke where it belongs\n";
    // The most frequent first; a long tail is summed up in one line.
    constexpr std::size_t kShown = 8;
    const auto list = [&](const std::vector<PatternSpot>& spots, bool missed) {
      std::int64_t rest = 0;
      for (std::size_t i = 0; i < spots.size(); ++i) {
        const PatternSpot& s = spots[i];
        if (i >= kShown) {
          rest += s.count;
          continue;
        }
        // A second stroke where the pattern has the pad is not outside it: the closer one counted.
        const char* what = missed      ? "missed on"
                           : s.doubled ? "played twice on"
                                       : "played outside the pattern on";
        out += fmt::format("    {} {} {}, {} time{}{}\n", s.pad, what, s.label, s.count,
                           s.count == 1 ? "" : "s", s.of > 0 ? fmt::format(" of {}", s.of) : "");
      }
      if (rest > 0) out += fmt::format("    ... and {} more at other positions\n", rest);
    };
    list(a.missed_at, true);
    list(a.extra_at, false);
  }
  if (a.by_click) {
    out +=
        "\n" + fmt::format(kTimingHeader, "clicks", "hits", "mean ms", "SD ms", "10 ms", "25 ms");
    timing_row(out, "heard", a.by_click->heard);
    timing_row(out, "left out", a.by_click->muted);
  }
  if (a.gap) {
    out +=
        "\n" + fmt::format(kTimingHeader, "gap bars", "hits", "mean ms", "SD ms", "10 ms", "25 ms");
    timing_row(out, "alone", a.gap->in_gap);
    timing_row(out, "return", a.gap->on_return);
  }
  out += fmt::format("\n{}\n", describe_timing(t));
  return out;
}

}  // namespace pocket
