#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

// The drawing pieces every inline SVG chart of pocket is made of: the plot area, linear
// scales, round ticks, and text, lines and boxes with rounded coordinates. No chart lives here.
namespace pocket::svg {

// Every chart is drawn in a viewBox this wide; the page scales it to the column.
constexpr double kWidth = 960.0;
constexpr double kLeft = 64.0;  // room for the y tick labels and the y axis title
constexpr double kRight = kWidth - 24.0;

double finite_or_zero(double value);

// A coordinate: a tenth of a unit is finer than a pixel and keeps large charts small.
std::string coord(double value);

// The plot area of a chart, inside its viewBox.
struct Area {
  double left = kLeft, top = 0.0, right = kRight, bottom = 0.0;
  double width() const { return right - left; }
};

// Maps values in [lo, hi] linearly onto pixels [from, to].
struct Scale {
  double lo = 0.0, hi = 1.0, from = 0.0, to = 1.0;
  double operator()(double value) const {
    if (hi == lo) return from;
    return from + (finite_or_zero(value) - lo) / (hi - lo) * (to - from);
  }
};

// A round step (1, 2 or 5 times a power of ten) at least as big as `raw`.
double nice_step(double raw);
// The same with 2.5 as well (1, 2, 2.5 or 5 times a power of ten): finer for axes whose
// labels may carry one decimal.
double nice_step_with_quarters(double raw);
// The multiples of `step` in [lo, hi].
std::vector<double> ticks(double lo, double hi, double step);

// Text width at the charts' 13 px font, near enough to lay out labels.
double text_width(std::string_view text);

// <svg class="chart {kind}"> with its title and description; `id` must be unique on the page.
std::string open_svg(std::string_view kind, std::string_view id, double height,
                     std::string_view title, std::string_view description);
// A short chart that only says `message`.
std::string empty_chart(std::string_view kind, std::string_view id, std::string_view title,
                        std::string_view message);

void text(std::string& out, std::string_view css_class, double x, double y, std::string_view anchor,
          std::string_view content);
void line(std::string& out, std::string_view css_class, double x1, double y1, double x2, double y2);
void rect(std::string& out, std::string_view css_class, double x1, double y1, double x2, double y2);

// A spread from `low` to `high` across the row at `centre`, with an end stop of `half` either way.
void whisker(std::string& out, double low, double high, double centre, double half);

// A y axis title, turned to read from bottom to top.
void y_title(std::string& out, const Area& area, std::string_view content);
void x_title(std::string& out, const Area& area, std::string_view content);

// Horizontal grid lines with labels on the left.
template <typename Format>
void y_axis(std::string& out, const Area& area, const Scale& y, const std::vector<double>& values,
            Format format) {
  for (double value : values) {
    line(out, "grid", area.left, y(value), area.right, y(value));
    text(out, "tick", area.left - 8, y(value) + 4, "end", format(value));
  }
}

// Tick marks and labels under the plot, and the frame's bottom edge.
template <typename Format>
void x_axis(std::string& out, const Area& area, const Scale& x, const std::vector<double>& values,
            Format format) {
  line(out, "axis", area.left, area.bottom, area.right, area.bottom);
  for (double value : values) {
    line(out, "axis", x(value), area.bottom, x(value), area.bottom + 5);
    text(out, "tick", x(value), area.bottom + 18, "middle", format(value));
  }
}

// Coloured squares with names, in a row from (x, y).
void legend(std::string& out, double x, double y,
            const std::vector<std::pair<std::string, std::string>>& classes_and_names);

// Style rules for what every chart has (text, ticks, grid, axes); the page inlines them.
std::string chart_css();

}  // namespace pocket::svg
