// The loudness chart of the report's dynamics section.
#include <algorithm>
#include <cmath>

#include <fmt/format.h>

#include "bar_rows.hpp"
#include "svg_charts.hpp"
#include "svg_draw.hpp"

namespace pocket::charts {

using namespace svg;

namespace {

// One row of the chart: a pad, a hand or a kind of stroke.
BarRow velocity_row(const std::string& name, const std::string& css_class, const VelocityStats& v) {
  const double mean = finite_or_zero(v.mean), sd = finite_or_zero(v.sd);
  return {name,
          css_class,
          0.0,
          mean,
          mean - sd,
          mean + sd,
          fmt::format("{}: mean {:.0f}, SD {:.1f}, {} strokes", name, mean, sd, v.strokes),
          fmt::format("{:.0f}, spread {:.0f}%, {} strokes", mean, 100.0 * v.cv(), v.strokes)};
}

// The rows: pads in the table's order, then hands, then the pattern's accents, normal strokes
// and ghost notes.
std::vector<BarRow> velocity_rows(const ReportData& data) {
  std::vector<BarRow> rows;
  const std::vector<std::string> order = pad_order(data);
  for (const PadTiming& p : data.pads) {
    const auto at = std::find(order.begin(), order.end(), p.pad) - order.begin();
    if (p.velocity.strokes > 0)
      rows.push_back(velocity_row(p.pad, pad_class(static_cast<std::size_t>(at)), p.velocity));
  }
  for (const HandStats& h : data.hands) {
    if (h.velocity.strokes > 0)
      rows.push_back(velocity_row(fmt::format("{} hand", to_string(h.hand)), "bar", h.velocity));
  }
  if (data.levels) {
    const auto add = [&](const char* name, const VelocityStats& v) {
      if (v.strokes > 0) rows.push_back(velocity_row(name, "bar", v));
    };
    add("accents", data.levels->accents);
    add("normal strokes", data.levels->normals);
    add("ghost notes", data.levels->ghosts);
  }
  return rows;
}

}  // namespace

std::string velocity_chart(const ReportData& data) {
  constexpr std::string_view kTitle = "Mean velocity and its spread";
  const std::vector<BarRow> rows = velocity_rows(data);
  if (rows.empty())
    return empty_chart("velocity", "velocity", kTitle, "No stroke carried a velocity.");

  const RowsLayout layout = rows_layout(rows);
  const Area& area = layout.area;
  const Scale x{0.0, 127.0, area.left, area.right};
  std::string out = open_svg("velocity", "velocity", layout.height, kTitle,
                             "For each pad, hand and kind of stroke, a bar to its mean MIDI "
                             "velocity and a line spanning one standard deviation either side.");
  std::vector<double> marks = ticks(0.0, 120.0, 20.0);
  marks.push_back(127.0);
  for (double value : marks) line(out, "grid", x(value), area.top, x(value), area.bottom);
  x_axis(out, area, x, marks, [](double v) { return fmt::format("{:.0f}", v); });
  x_title(out, area, "MIDI velocity, 1 to 127, of this kit");
  bar_rows(out, layout, x, rows);
  return out + "</svg>\n";
}

}  // namespace pocket::charts
