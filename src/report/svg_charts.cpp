#include "svg_charts.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <map>
#include <string_view>

#include <fmt/format.h>

#include "bar_rows.hpp"
#include "core/tempo_text.hpp"
#include "svg_draw.hpp"

namespace pocket::charts {

using namespace svg;

namespace {

constexpr double kBinMs = 2.0;
constexpr double kMinOffsetExtentMs = 40.0;
// Far beyond half of any slot: a corrupt offset must not ask for millions of histogram bins.
constexpr double kMaxOffsetExtentMs = 1000.0;
constexpr double kMinBiasExtentMs = 10.0;

// Okabe-Ito colours: told apart with the common kinds of colour blindness.
constexpr std::array<std::string_view, 7> kPalette = {"#0072b2", "#e69f00", "#009e73", "#cc79a7",
                                                      "#56b4e9", "#d55e00", "#6b6b6b"};

// A tick label for an offset: "+20", "0", "-20".
std::string signed_tick(double value) {
  const double rounded = std::round(finite_or_zero(value));
  return rounded == 0.0 ? "0" : fmt::format("{:+.0f}", rounded);
}

// Time steps a reader counts in: seconds, then whole minutes.
double time_step(double raw) {
  for (double step : {1.0, 2.0, 5.0, 10.0, 15.0, 30.0, 60.0, 120.0, 300.0, 600.0, 900.0, 1800.0})
    if (step >= raw) return step;
  return nice_step(raw / 3600.0) * 3600.0;
}

// The step between ticks on a symmetric axis: four or so on each side of zero.
double symmetric_step(double extent) { return nice_step(extent / 4.0); }

// A symmetric range around zero: at least `minimum`, grown to `largest`, rounded up to a
// whole tick so that both ends carry a label.
double symmetric_extent(double largest, double minimum) {
  const double extent = std::max(minimum, finite_or_zero(largest));
  const double step = symmetric_step(extent);
  return std::ceil(extent / step - 1e-9) * step;
}

// How far from zero the offset axis reaches, shared by the offsets chart and the histogram.
double offset_extent(const std::vector<ReportStroke>& strokes) {
  double largest = 0.0;
  for (const ReportStroke& s : strokes) largest = std::max(largest, std::abs(s.offset_ms));
  return symmetric_extent(std::min(largest, kMaxOffsetExtentMs), kMinOffsetExtentMs);
}

// The ±25 ms and ±10 ms bands, clipped to the axis range; `vertical` when offsets run along x.
void tolerance_bands(std::string& out, const Area& area, const Scale& offset, bool vertical) {
  const double lo = std::min(offset.lo, offset.hi), hi = std::max(offset.lo, offset.hi);
  for (auto [css_class, band_ms] : {std::pair{"band25", 25.0}, std::pair{"band10", 10.0}}) {
    const double a = offset(std::max(lo, -band_ms)), b = offset(std::min(hi, band_ms));
    if (vertical) {
      rect(out, css_class, a, area.top, b, area.bottom);
    } else {
      rect(out, css_class, area.left, a, area.right, b);
    }
  }
}

std::string time_label(double seconds, bool minutes) {
  const auto whole = static_cast<long long>(std::llround(finite_or_zero(seconds)));
  if (minutes) return fmt::format("{}:{:02}", whole / 60, whole % 60);
  return fmt::format("{} s", whole);
}

std::map<std::string, std::size_t> pad_indices(const ReportData& data) {
  std::map<std::string, std::size_t> indices;
  const std::vector<std::string> order = pad_order(data);
  for (std::size_t i = 0; i < order.size(); ++i) indices.emplace(order[i], i);
  return indices;
}

}  // namespace

std::vector<std::string> pad_order(const ReportData& data) {
  std::vector<std::string> order;
  const auto add = [&order](const std::string& pad) {
    if (std::find(order.begin(), order.end(), pad) == order.end()) order.push_back(pad);
  };
  for (const PadTiming& p : data.pads) add(p.pad);
  for (const ReportStroke& s : data.strokes) add(s.pad);
  return order;
}

std::string pad_class(std::size_t index) { return fmt::format("pad{}", index % kPalette.size()); }

std::string chart_css() {
  std::string css = svg::chart_css() +
                    "svg.chart .band25{fill:#eaf3ea}\n"
                    "svg.chart .band10{fill:#d3e9d3}\n"
                    "svg.chart .step{stroke:#777;stroke-width:1;stroke-dasharray:4 4}\n"
                    "svg.chart .mean{stroke:#b04a00;stroke-width:1.5;stroke-dasharray:5 3}\n"
                    "svg.chart .mean-label{fill:#b04a00}\n"
                    "svg.chart .bar{fill:#7a9cc6}\n"
                    "svg.chart .whisker{stroke:#333;stroke-width:1.5}\n"
                    "svg.chart .on-beat{fill:#0072b2}\n"
                    "svg.chart .off-beat{fill:#a9c9e4}\n"
                    "svg.chart .on-beat-label{font-weight:600;fill:#222}\n"
                    "svg.chart circle{fill-opacity:.7}\n";
  for (std::size_t i = 0; i < kPalette.size(); ++i)
    css += fmt::format("svg.chart .pad{0},.swatch.pad{0}{{fill:{1};background:{1}}}\n", i,
                       kPalette[i]);
  return css;
}

std::string signed_ms(double value) {
  const double rounded = std::round(finite_or_zero(value) * 10.0) / 10.0;
  return rounded == 0.0 ? "0.0 ms" : fmt::format("{:+.1f} ms", rounded);
}

std::string offsets_chart(const ReportData& data) {
  constexpr std::string_view kTitle = "Offset of every stroke over time";
  if (data.strokes.empty())
    return empty_chart("offsets", "offsets", kTitle, "No strokes were recorded.");

  constexpr double kHeight = 380.0;
  const Area area{.top = 44.0, .bottom = kHeight - 48.0};

  double end_seconds = 1.0;
  for (const ReportStroke& s : data.strokes) end_seconds = std::max(end_seconds, s.seconds);
  for (const ReportStep& s : data.steps) end_seconds = std::max(end_seconds, s.start_seconds);
  // The axis ends just after the last stroke rather than at the next round tick, which can
  // waste a fifth of the width.
  const double x_end = finite_or_zero(end_seconds) * 1.01;
  const double seconds_step = time_step(x_end / 8.0);
  const bool minutes = x_end >= 120.0;
  const Scale x{0.0, x_end, area.left, area.right};

  const double extent = offset_extent(data.strokes);
  const Scale y{-extent, extent, area.bottom, area.top};

  std::string out = open_svg(
      "offsets", "offsets", kHeight, kTitle,
      fmt::format("{} strokes; above the middle line is late, below it early. Shaded: within "
                  "10 ms and 25 ms of the click.",
                  data.strokes.size()));
  tolerance_bands(out, area, y, false);
  y_axis(out, area, y, ticks(-extent, extent, symmetric_step(extent)), signed_tick);
  x_axis(out, area, x, ticks(0.0, x_end, seconds_step),
         [minutes](double s) { return time_label(s, minutes); });
  line(out, "zero", area.left, y(0.0), area.right, y(0.0));
  y_title(out, area, "early · offset (ms) · late");
  x_title(out, area, minutes ? "time since the start (min:s)" : "time since the start");

  // A step label that would run into the one before it moves to a second row.
  std::array<double, 2> row_ends = {-1e9, -1e9};
  for (const ReportStep& step : data.steps) {
    const double at = x(step.start_seconds);
    line(out, "step", at, area.top, at, area.bottom);
    const std::string label = format_bpm(step.bpm);
    const std::size_t row = row_ends[0] <= at + 4 || row_ends[0] <= row_ends[1] ? 0 : 1;
    text(out, "tick label-halo", at + 4, area.top + 14 + 15 * static_cast<double>(row), "start",
         label);
    row_ends[row] = at + 4 + text_width(label) + 6;
  }

  const std::map<std::string, std::size_t> pads = pad_indices(data);
  for (const ReportStroke& s : data.strokes) {
    out += fmt::format(
        R"(<circle cx="{}" cy="{}" r="2.4" class="{}"><title>{:.1f} s · {} · {} · {}</title></circle>)",
        coord(x(s.seconds)), coord(y(std::clamp(s.offset_ms, -extent, extent))),
        pad_class(pads.at(s.pad)), finite_or_zero(s.seconds), escape_html(s.pad),
        escape_html(s.position), signed_ms(s.offset_ms));
    out += '\n';
  }

  std::vector<std::pair<std::string, std::string>> entries;
  const std::vector<std::string> order = pad_order(data);
  for (std::size_t i = 0; i < order.size(); ++i) entries.emplace_back(pad_class(i), order[i]);
  legend(out, area.left, 22.0, entries);
  return out + "</svg>\n";
}

std::string histogram_chart(const ReportData& data) {
  constexpr std::string_view kTitle = "How the offsets spread";
  if (data.strokes.empty())
    return empty_chart("histogram", "histogram", kTitle, "No strokes were recorded.");

  const double extent = offset_extent(data.strokes);
  const auto bins = static_cast<std::size_t>(std::llround(2 * extent / kBinMs));
  std::vector<long long> counts(bins, 0);
  for (const ReportStroke& s : data.strokes) {
    const double bin = std::floor((finite_or_zero(s.offset_ms) + extent) / kBinMs);
    counts[static_cast<std::size_t>(std::clamp(bin, 0.0, static_cast<double>(bins - 1)))] += 1;
  }
  const long long most = *std::max_element(counts.begin(), counts.end());

  constexpr double kHeight = 300.0;
  const Area area{.top = 44.0, .bottom = kHeight - 48.0};
  const Scale x{-extent, extent, area.left, area.right};
  const double count_step = std::max(1.0, nice_step(static_cast<double>(most) / 4.0));
  const double count_top =
      std::max(1.0, std::ceil(static_cast<double>(most) / count_step)) * count_step;
  const Scale y{0.0, count_top, area.bottom, area.top};

  std::string out =
      open_svg("histogram", "histogram", kHeight, kTitle,
               "Strokes per 2 ms of offset; the middle line is on the click, left of it early, "
               "right of it late.");
  tolerance_bands(out, area, x, true);
  y_axis(out, area, y, ticks(0.0, count_top, count_step),
         [](double count) { return fmt::format("{:.0f}", count); });
  x_axis(out, area, x, ticks(-extent, extent, symmetric_step(extent)), signed_tick);
  y_title(out, area, "strokes");
  x_title(out, area, "offset (ms): early to the left, late to the right");

  for (std::size_t i = 0; i < bins; ++i) {
    if (counts[i] == 0) continue;
    const double lo = -extent + kBinMs * static_cast<double>(i);
    rect(out, "bar", x(lo) + 0.5, y(static_cast<double>(counts[i])), x(lo + kBinMs) - 0.5,
         area.bottom);
  }
  // The two labels sit above the plot and point away from each other, so they never collide.
  const double mean = std::clamp(finite_or_zero(data.timing.mean_offset_ms), -extent, extent);
  const bool mean_right = data.timing.hits == 0 || mean >= 0.0;
  line(out, "zero", x(0.0), area.top - 6, x(0.0), area.bottom);
  text(out, "tick", x(0.0) + (mean_right ? -6 : 6), area.top - 8, mean_right ? "end" : "start",
       "on the click");
  if (data.timing.hits > 0) {
    line(out, "mean", x(mean), area.top - 6, x(mean), area.bottom);
    text(out, "mean-label", x(mean) + (mean_right ? 6 : -6), area.top - 8,
         mean_right ? "start" : "end", "mean " + signed_ms(mean));
  }
  return out + "</svg>\n";
}

namespace {

// One row of a chart of mean offsets: a pad or a hand.
BarRow offset_row(const std::string& name, const std::string& css_class, const TimingStats& t) {
  const double mean = finite_or_zero(t.mean_offset_ms), sd = finite_or_zero(t.sd_offset_ms);
  return {name,
          css_class,
          std::min(0.0, mean),
          std::max(0.0, mean),
          mean - sd,
          mean + sd,
          fmt::format("{}: mean {}, SD {:.1f} ms, {} hits", name, signed_ms(mean), sd, t.hits),
          fmt::format("{}, SD {:.1f} ms, {} hits", signed_ms(mean), sd, t.hits)};
}

// Each row's mean offset as a bar from zero, with a line one standard deviation either side.
std::string offset_rows_chart(std::string_view id, std::string_view title,
                              const std::vector<BarRow>& rows) {
  double largest = 0.0;
  for (const BarRow& r : rows) largest = std::max({largest, std::abs(r.low), std::abs(r.high)});
  const RowsLayout layout = rows_layout(rows);
  const Area& area = layout.area;
  const double extent = symmetric_extent(largest, kMinOffsetExtentMs);
  const Scale x{-extent, extent, area.left, area.right};

  std::string out = open_svg(id, id, layout.height, title,
                             "For each, a bar to its mean offset (left early, right late) "
                             "and a line spanning one standard deviation either side.");
  tolerance_bands(out, area, x, true);
  for (double value : ticks(-extent, extent, symmetric_step(extent)))
    line(out, "grid", x(value), area.top, x(value), area.bottom);
  x_axis(out, area, x, ticks(-extent, extent, symmetric_step(extent)), signed_tick);
  line(out, "zero", x(0.0), area.top, x(0.0), area.bottom);
  x_title(out, area, "offset (ms): early to the left, late to the right");
  bar_rows(out, layout, x, rows);
  return out + "</svg>\n";
}

}  // namespace

std::string pad_chart(const ReportData& data) {
  constexpr std::string_view kTitle = "Mean offset and spread of each pad";
  if (data.pads.empty()) return empty_chart("pads", "pads", kTitle, "No pads were played.");
  const std::map<std::string, std::size_t> pads = pad_indices(data);
  std::vector<BarRow> rows;
  for (const PadTiming& p : data.pads)
    rows.push_back(offset_row(p.pad, pad_class(pads.at(p.pad)), p.stats));
  return offset_rows_chart("pads", kTitle, rows);
}

std::string hands_chart(const ReportData& data) {
  constexpr std::string_view kTitle = "Mean offset and spread of each hand";
  if (data.hands.empty()) return empty_chart("hands", "hands", kTitle, "No hand was told.");
  std::vector<BarRow> rows;
  for (std::size_t i = 0; i < data.hands.size(); ++i) {
    const HandStats& h = data.hands[i];
    rows.push_back(offset_row(std::string(to_string(h.hand)), pad_class(i), h.timing));
  }
  return offset_rows_chart("hands", kTitle, rows);
}

std::string position_chart(const ReportData& data) {
  constexpr std::string_view kTitle = "Mean offset at each position in the bar";
  if (data.positions.empty())
    return empty_chart("positions", "positions", kTitle, "No positions in the bar were played.");

  double largest = 0.0;
  for (const PositionTiming& p : data.positions)
    largest = std::max(largest, std::abs(finite_or_zero(p.stats.mean_offset_ms)));
  // Headroom above the longest bar leaves space for its value label.
  const double extent = symmetric_extent(largest * 1.25, kMinBiasExtentMs);

  constexpr double kHeight = 300.0;
  const Area area{.top = 44.0, .bottom = kHeight - 48.0};
  const Scale y{-extent, extent, area.bottom, area.top};
  const double slot_width = area.width() / static_cast<double>(data.positions.size());

  std::string out =
      open_svg("positions", "positions", kHeight, kTitle,
               "For each position in the bar, a bar to its mean offset: up is late, down is early. "
               "Darker bars fall on a beat.");
  tolerance_bands(out, area, y, false);
  y_axis(out, area, y, ticks(-extent, extent, symmetric_step(extent)), signed_tick);
  line(out, "axis", area.left, area.bottom, area.right, area.bottom);
  line(out, "zero", area.left, y(0.0), area.right, y(0.0));
  y_title(out, area, "early · mean (ms) · late");
  x_title(out, area, "position in the bar");

  for (std::size_t i = 0; i < data.positions.size(); ++i) {
    const PositionTiming& p = data.positions[i];
    const double centre = area.left + slot_width * (static_cast<double>(i) + 0.5);
    const double mean = finite_or_zero(p.stats.mean_offset_ms);
    const double half_bar = std::min(slot_width * 0.3, 24.0);
    out += fmt::format(R"(<g><title>{}: mean {}, {} hits</title>)", escape_html(p.label),
                       signed_ms(mean), p.stats.hits);
    rect(out, p.on_beat ? "on-beat" : "off-beat", centre - half_bar, y(std::max(0.0, mean)),
         centre + half_bar, y(std::min(0.0, mean)));
    out += "</g>";
    // Crowded bars keep the labels of the beats only.
    if (slot_width >= 24.0 || p.on_beat) {
      text(out, p.on_beat ? "tick on-beat-label" : "tick", centre, area.bottom + 18, "middle",
           p.label);
    }
    if (slot_width >= 34.0) {
      text(out, "tick", centre, mean >= 0 ? y(mean) - 5 : y(mean) + 15, "middle",
           signed_tick(mean));
    }
    out += '\n';
  }
  legend(out, area.left, 22.0, {{"on-beat", "on a beat"}, {"off-beat", "between beats"}});
  return out + "</svg>\n";
}

}  // namespace pocket::charts
