#include "html_report.hpp"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>

#include "core/tempo_text.hpp"
#include "core/timing_summary.hpp"
#include "labels.hpp"
#include "svg_charts.hpp"

namespace pocket {

namespace {

constexpr double kCentredMs = 2.0;  // as in describe_timing(): a smaller bias is "on the click"

double finite_or_zero(double value) { return std::isfinite(value) ? value : 0.0; }

std::string unsigned_ms(double value) { return fmt::format("{:.1f} ms", finite_or_zero(value)); }

// The mean offset in words: "late by 8 ms on average".
std::string bias_words(const TimingStats& stats) {
  if (stats.hits == 0) return "no strokes matched the grid";
  const double mean = finite_or_zero(stats.mean_offset_ms);
  if (std::abs(mean) < kCentredMs) return "on the click on average";
  return fmt::format("{} by {:.0f} ms on average", mean > 0 ? "late" : "early", std::abs(mean));
}

std::string drift_words(const TimingStats& stats) {
  if (!has_drift(stats)) return "no clear drift";
  return fmt::format("{} by {:.1f} ms per minute",
                     stats.drift_ms_per_min < 0 ? "rushing" : "dragging",
                     std::abs(stats.drift_ms_per_min));
}

std::string drift_value(double ms_per_min) {
  const double rounded = std::round(finite_or_zero(ms_per_min) * 10.0) / 10.0;
  return rounded == 0.0 ? "0.0 ms/min" : fmt::format("{:+.1f} ms/min", rounded);
}

// Minutes and seconds, "4:05".
std::string duration(double minutes) {
  const auto seconds = static_cast<long long>(std::llround(finite_or_zero(minutes) * 60.0));
  return fmt::format("{}:{:02}", seconds / 60, seconds % 60);
}

void timing_rows(std::string& out, const TimingStats& t) {
  summary_row(out, "Mean offset", charts::signed_ms(t.mean_offset_ms), bias_words(t));
  summary_row(out, "Consistency (SD)", unsigned_ms(t.sd_offset_ms),
              "how far strokes usually land from their own average");
  summary_row(out, "Median distance from the click", unsigned_ms(t.median_abs_offset_ms));
  summary_row(out, "Within 10 ms", labels::percent(t.within_10ms), "of scored strokes");
  summary_row(out, "Within 25 ms", labels::percent(t.within_25ms), "of scored strokes");
  summary_row(out, "Drift", drift_value(t.drift_ms_per_min), drift_words(t));
  summary_row(out, "Played for", duration(t.span_minutes),
              "from the first scored stroke to the last");
}

std::string summary_table(const ReportData& data) {
  const TimingStats& t = data.timing;
  std::string out = "<table class=\"summary-table\">\n";
  summary_row(out, "Strokes scored", std::to_string(t.hits));
  // Without scored strokes the timing figures would be zeros that mean nothing.
  if (t.hits > 0) timing_rows(out, t);
  summary_row(out, "Missed slots", std::to_string(data.missed));
  summary_row(out, "Extra strokes", std::to_string(data.extra));
  summary_row(out, "Double triggers", std::to_string(data.double_triggers),
              "filtered out before scoring");
  if (data.precision_bound_ms > 0.0) {
    summary_row(out, "Measurement precision", "±" + unsigned_ms(data.precision_bound_ms),
                "differences smaller than this are within the measuring error");
  }
  return out + "</table>\n";
}

std::string pad_table(const ReportData& data) {
  if (data.pads.empty()) return {};
  std::string out =
      "<table class=\"pad-table\">\n<tr><th>Pad</th><th class=\"num\">Hits</th>"
      "<th class=\"num\">Mean</th><th class=\"num\">SD</th><th class=\"num\">Within 10 ms</th>"
      "<th class=\"num\">Within 25 ms</th><th>In words</th></tr>\n";
  const std::vector<std::string> order = charts::pad_order(data);
  for (const PadTiming& p : data.pads) {
    const auto colour = std::find(order.begin(), order.end(), p.pad) - order.begin();
    out += fmt::format(
        "<tr><td><span class=\"swatch {}\"></span>{}</td><td class=\"num\">{}</td>"
        "<td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td>"
        "<td class=\"num\">{}</td><td class=\"words\">{}</td></tr>\n",
        charts::pad_class(static_cast<std::size_t>(colour)), escape_html(p.pad), p.stats.hits,
        charts::signed_ms(p.stats.mean_offset_ms), unsigned_ms(p.stats.sd_offset_ms),
        labels::percent(p.stats.within_10ms), labels::percent(p.stats.within_25ms),
        bias_words(p.stats));
  }
  return out + "</table>\n";
}

// What the player swung against what the drill asked, and where each placed pad sat.
std::string feel_section(const ReportData& data) {
  if (data.swing.empty() && data.feel.empty()) return {};
  std::string out = "<section class=\"feel\">\n<h2>Swing and feel</h2>\n";
  if (!data.swing.empty()) out += fmt::format("<p>{}</p>\n", escape_html(data.swing));
  if (!data.feel.empty()) {
    out += "<ul>\n";
    for (const std::string& line : data.feel)
      out += fmt::format("<li>{}</li>\n", escape_html(line));
    out += "</ul>\n";
  }
  return out + "</section>\n";
}

// Each hand's timing and loudness, and the two compared.
std::string hands_section(const ReportData& data) {
  if (data.hands.empty()) return {};
  std::string out =
      "<section class=\"hands\">\n<h2>Hands</h2>\n<table class=\"pad-table\">\n<tr><th>Hand</th>"
      "<th class=\"num\">Hits</th><th class=\"num\">Mean</th><th class=\"num\">SD</th>"
      "<th class=\"num\">Within 10 ms</th><th class=\"num\">Velocity</th>"
      "<th class=\"num\">Evenness (CV)</th></tr>\n";
  for (const HandStats& h : data.hands) {
    out += fmt::format(
        "<tr><td>{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td>"
        "<td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num\">{:.0f}</td>"
        "<td class=\"num\">{:.0f}%</td></tr>\n",
        to_string(h.hand), h.timing.hits, charts::signed_ms(h.timing.mean_offset_ms),
        unsigned_ms(h.timing.sd_offset_ms), labels::percent(h.timing.within_10ms), h.velocity.mean,
        100.0 * h.velocity.cv());
  }
  out += "</table>\n";
  if (!data.hands_summary.empty())
    out += fmt::format("<p>{}</p>\n", escape_html(data.hands_summary));
  return out + charts::hands_chart(data) + "</section>\n";
}

// Loudness in MIDI velocity: per pad, accents and ghost notes, doubles.
std::string dynamics_section(const ReportData& data) {
  if (data.dynamics.empty()) return {};
  std::string out =
      "<section class=\"dynamics\">\n<h2>Dynamics</h2>\n<p class=\"caption\">In MIDI velocity "
      "(1 to 127) of this kit, with the spread over the mean: lower is more even. Kits turn force "
      "into velocity each their own way, so compare sessions on one kit only.</p>\n<ul>\n";
  for (const std::string& line : data.dynamics)
    out += fmt::format("<li>{}</li>\n", escape_html(line));
  return out + "</ul>\n" + charts::velocity_chart(data) + "</section>\n";
}

std::string step_result(const ReportStep& step) {
  if (!step.complete) return "stopped before the end";
  return step.passed ? "passed" : "not yet";
}

// The drill's goal, shown once: under the ladder's verdict, or under the summary without a ladder.
std::string goal_line(const ReportData& data) {
  if (data.goal.empty()) return {};
  return fmt::format("<p class=\"goal\">{}</p>\n", escape_html(data.goal));
}

std::string ladder_section(const ReportData& data) {
  if (data.steps.empty()) return {};
  std::string out = "<section class=\"ladder\">\n<h2>Tempo ladder</h2>\n";
  if (!data.verdict.empty())
    out += fmt::format("<p class=\"verdict\">{}</p>\n", escape_html(data.verdict));
  out += goal_line(data);
  out +=
      "<table class=\"ladder-table\">\n<tr><th class=\"num\">Step</th><th class=\"num\">Tempo</th>"
      "<th class=\"num\">Bars</th><th class=\"num\">Slots within 25 ms</th>"
      "<th class=\"num\">Mean</th><th class=\"num\">SD</th><th>Result</th></tr>\n";
  for (std::size_t i = 0; i < data.steps.size(); ++i) {
    const ReportStep& s = data.steps[i];
    out += fmt::format(
        "<tr><td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td>"
        "<td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td>"
        "<td>{}</td></tr>\n",
        i + 1, format_bpm(s.bpm), s.bars, labels::percent(s.slots_within_25ms),
        charts::signed_ms(s.mean_offset_ms), unsigned_ms(s.sd_offset_ms), step_result(s));
  }
  return out + "</table>\n</section>\n";
}

std::string chart_section(std::string_view heading, std::string_view caption,
                          const std::string& chart, const std::string& after = {}) {
  return fmt::format("<section>\n<h2>{}</h2>\n<p class=\"caption\">{}</p>\n{}{}</section>\n",
                     heading, caption, chart, after);
}

// "started_at · drill · tempo · status", leaving out what is empty.
std::string meta_line(const ReportData& data) {
  std::string line;
  for (const std::string* part : {&data.started_at, &data.drill, &data.tempo, &data.status}) {
    if (part->empty()) continue;
    if (!line.empty()) line += " · ";
    line += escape_html(*part);
  }
  return line;
}

}  // namespace

std::string html_report(const ReportData& data) {
  const std::string title = data.title.empty() ? "Practice session" : data.title;
  std::string out = page_start(title, charts::chart_css());

  out += fmt::format("<header>\n<h1>{}</h1>\n<p class=\"meta\">{}</p>\n", escape_html(title),
                     meta_line(data));
  const std::string summary = data.summary.empty() ? describe_timing(data.timing) : data.summary;
  out += fmt::format("<p class=\"summary\">{}</p>\n", escape_html(summary));
  if (data.steps.empty()) out += goal_line(data);
  out += "</header>\n";

  if (!data.note.empty()) {
    out += fmt::format("<section class=\"note\">\n<h2>Note</h2>\n<p>{}</p>\n</section>\n",
                       escape_html(data.note));
  }
  out += "<section>\n<h2>Summary</h2>\n" + summary_table(data) + "</section>\n";
  out += ladder_section(data);
  out += feel_section(data);
  out += hands_section(data);
  out += dynamics_section(data);

  out += chart_section(
      "Every stroke over time",
      "Each dot is one stroke: above the middle line late, below it early. The shaded bands "
      "mark 10 ms and 25 ms either side of the click; dashed lines mark tempo steps.",
      charts::offsets_chart(data));
  out += chart_section("Spread of offsets",
                       "How many strokes landed at each offset, in 2 ms steps. A narrow peak "
                       "means even timing; where it sits shows the lean.",
                       charts::histogram_chart(data));
  out += chart_section("Pads",
                       "Each bar reaches a pad's mean offset; the line across it spans one "
                       "standard deviation either side.",
                       charts::pad_chart(data), pad_table(data));
  out += chart_section("Positions in the bar",
                       "The mean offset at each position in the bar. Darker bars fall on a beat.",
                       charts::position_chart(data));

  out += "<footer>\n";
  if (!data.devices.empty()) out += fmt::format("<p>Devices: {}</p>\n", escape_html(data.devices));
  out += "<p>Made by pocket.</p>\n</footer>\n";
  out += page_end();
  return out;
}

}  // namespace pocket
