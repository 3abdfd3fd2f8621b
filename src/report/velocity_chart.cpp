// The loudness chart of the report's dynamics section.
#include <algorithm>
#include <cmath>

#include <fmt/format.h>

#include "html_page.hpp"
#include "svg_charts.hpp"
#include "svg_draw.hpp"

namespace pocket::charts {

using namespace svg;

namespace {

struct VelocityRow {
  std::string name;
  std::string css_class;
  VelocityStats velocity;
};

// The rows: pads in the table's order, then hands, then the pattern's accents, normal strokes
// and ghost notes.
std::vector<VelocityRow> velocity_rows(const ReportData& data) {
  std::vector<VelocityRow> rows;
  const std::vector<std::string> order = pad_order(data);
  for (const PadTiming& p : data.pads) {
    const auto at = std::find(order.begin(), order.end(), p.pad) - order.begin();
    if (p.velocity.strokes > 0)
      rows.push_back({p.pad, pad_class(static_cast<std::size_t>(at)), p.velocity});
  }
  for (const HandStats& h : data.hands) {
    if (h.velocity.strokes > 0)
      rows.push_back({fmt::format("{} hand", to_string(h.hand)), "bar", h.velocity});
  }
  if (data.levels) {
    const auto add = [&](const char* name, const VelocityStats& v) {
      if (v.strokes > 0) rows.push_back({name, "bar", v});
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
  const std::vector<VelocityRow> rows = velocity_rows(data);
  if (rows.empty())
    return empty_chart("velocity", "velocity", kTitle, "No stroke carried a velocity.");

  constexpr double kRowHeight = 30.0, kTop = 16.0, kValueWidth = 250.0;
  double name_width = 0.0;
  for (const VelocityRow& r : rows) name_width = std::max(name_width, text_width(r.name));
  const double height = kTop + kRowHeight * static_cast<double>(rows.size()) + 52.0;
  const Area area{.left = std::clamp(name_width + 20.0, kLeft, 280.0),
                  .top = kTop,
                  .right = kWidth - kValueWidth,
                  .bottom = height - 52.0};
  const Scale x{0.0, 127.0, area.left, area.right};
  std::string out = open_svg("velocity", "velocity", height, kTitle,
                             "For each pad, hand and kind of stroke, a bar to its mean MIDI "
                             "velocity and a line spanning one standard deviation either side.");
  std::vector<double> marks = ticks(0.0, 120.0, 20.0);
  marks.push_back(127.0);
  for (double value : marks) line(out, "grid", x(value), area.top, x(value), area.bottom);
  x_axis(out, area, x, marks, [](double v) { return fmt::format("{:.0f}", v); });
  x_title(out, area, "MIDI velocity, 1 to 127, of this kit");

  for (std::size_t i = 0; i < rows.size(); ++i) {
    const VelocityRow& r = rows[i];
    const double centre = area.top + kRowHeight * (static_cast<double>(i) + 0.5);
    const double mean = finite_or_zero(r.velocity.mean);
    const double sd = finite_or_zero(r.velocity.sd);
    text(out, "legend", area.left - 10, centre + 4, "end", r.name);
    out += fmt::format(R"(<g><title>{}: mean {:.0f}, SD {:.1f}, {} strokes</title>)",
                       escape_html(r.name), mean, sd, r.velocity.strokes);
    rect(out, r.css_class, x(0.0), centre - 7, x(mean), centre + 7);
    const double low = x(std::max(0.0, mean - sd)), high = x(std::min(127.0, mean + sd));
    whisker(out, low, high, centre, 5);
    out += "</g>";
    text(out, "tick", area.right + 14, centre + 4, "start",
         fmt::format("{:.0f}, spread {:.0f}%, {} strokes", mean, 100.0 * r.velocity.cv(),
                     r.velocity.strokes));
    out += '\n';
  }
  return out + "</svg>\n";
}

}  // namespace pocket::charts
