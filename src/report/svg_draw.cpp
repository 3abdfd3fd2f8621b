#include "svg_draw.hpp"

#include <algorithm>
#include <cmath>
#include <initializer_list>

#include <fmt/format.h>

#include "core/tempo_text.hpp"
#include "html_page.hpp"

namespace pocket::svg {

namespace {

// The round step from `factors` (ascending, the last one 10) at least as big as `raw`.
double round_step(double raw, std::initializer_list<double> factors) {
  if (!(raw > 0.0) || !std::isfinite(raw)) return 1.0;
  const double magnitude = std::pow(10.0, std::floor(std::log10(raw)));
  const double normalised = raw / magnitude;
  for (double factor : factors)
    if (normalised <= factor * (1.0 + 1e-9)) return factor * magnitude;
  return 10.0 * magnitude;
}

}  // namespace

double finite_or_zero(double value) { return std::isfinite(value) ? value : 0.0; }

std::string coord(double value) { return format_one_decimal(value); }

double nice_step(double raw) { return round_step(raw, {1.0, 2.0, 5.0, 10.0}); }

double nice_step_with_quarters(double raw) { return round_step(raw, {1.0, 2.0, 2.5, 5.0, 10.0}); }

std::vector<double> ticks(double lo, double hi, double step) {
  std::vector<double> values;
  const auto first = static_cast<long long>(std::ceil(lo / step - 1e-9));
  const auto last = static_cast<long long>(std::floor(hi / step + 1e-9));
  for (long long i = first; i <= last; ++i) values.push_back(static_cast<double>(i) * step);
  return values;
}

double text_width(std::string_view text) {
  // Bytes, not letters: a UTF-8 name counts a little wide, which only leaves more room.
  return 7.2 * static_cast<double>(text.size());
}

std::string open_svg(std::string_view kind, std::string_view id, double height,
                     std::string_view title, std::string_view description) {
  return fmt::format(
      R"(<svg class="chart {0}" viewBox="0 0 {2} {3}" role="img" aria-labelledby="{1}-title {1}-desc">)"
      R"(<title id="{1}-title">{4}</title><desc id="{1}-desc">{5}</desc>)"
      "\n",
      kind, id, coord(kWidth), coord(height), escape_html(title), escape_html(description));
}

std::string empty_chart(std::string_view kind, std::string_view id, std::string_view title,
                        std::string_view message) {
  constexpr double kHeight = 90.0;
  return open_svg(kind, id, kHeight, title, message) +
         fmt::format(R"(<text class="empty" x="{}" y="{}" text-anchor="middle">{}</text></svg>)",
                     coord(kWidth / 2), coord(kHeight / 2 + 5), escape_html(message)) +
         "\n";
}

void text(std::string& out, std::string_view css_class, double x, double y, std::string_view anchor,
          std::string_view content) {
  out += fmt::format(R"(<text class="{}" x="{}" y="{}" text-anchor="{}">{}</text>)", css_class,
                     coord(x), coord(y), anchor, escape_html(content));
}

void line(std::string& out, std::string_view css_class, double x1, double y1, double x2,
          double y2) {
  out += fmt::format(R"(<line class="{}" x1="{}" y1="{}" x2="{}" y2="{}"/>)", css_class, coord(x1),
                     coord(y1), coord(x2), coord(y2));
}

void rect(std::string& out, std::string_view css_class, double x1, double y1, double x2,
          double y2) {
  out += fmt::format(R"(<rect class="{}" x="{}" y="{}" width="{}" height="{}"/>)", css_class,
                     coord(std::min(x1, x2)), coord(std::min(y1, y2)), coord(std::abs(x2 - x1)),
                     coord(std::abs(y2 - y1)));
}

void whisker(std::string& out, double low, double high, double centre, double half) {
  line(out, "whisker", low, centre, high, centre);
  line(out, "whisker", low, centre - half, low, centre + half);
  line(out, "whisker", high, centre - half, high, centre + half);
}

void y_title(std::string& out, const Area& area, std::string_view content) {
  const double x = 16.0, y = (area.top + area.bottom) / 2;
  out += fmt::format(
      R"svg(<text class="axis-title" x="{0}" y="{1}" text-anchor="middle" transform="rotate(-90 {0} {1})">{2}</text>)svg",
      coord(x), coord(y), escape_html(content));
}

void x_title(std::string& out, const Area& area, std::string_view content) {
  text(out, "axis-title", (area.left + area.right) / 2, area.bottom + 38, "middle", content);
}

void legend(std::string& out, double x, double y,
            const std::vector<std::pair<std::string, std::string>>& classes_and_names) {
  for (const auto& [css_class, name] : classes_and_names) {
    rect(out, css_class, x, y - 10, x + 11, y + 1);
    text(out, "legend", x + 16, y, "start", name);
    x += 16 + text_width(name) + 18;
  }
}

std::string chart_css() {
  return "svg.chart{display:block;width:100%;height:auto;font-size:13px;margin:4px 0 8px}\n"
         "svg.chart text{fill:#444}\n"
         "svg.chart .tick{font-size:12px;fill:#666;font-variant-numeric:tabular-nums}\n"
         "svg.chart .axis-title{font-size:12px;fill:#666}\n"
         "svg.chart .empty{fill:#888;font-size:15px}\n"
         "svg.chart .grid{stroke:#ececec;stroke-width:1}\n"
         "svg.chart .axis{stroke:#999;stroke-width:1}\n"
         "svg.chart .zero{stroke:#555;stroke-width:1.2}\n"
         "svg.chart .label-halo{paint-order:stroke;stroke:#fff;stroke-width:4px}\n";
}

}  // namespace pocket::svg
