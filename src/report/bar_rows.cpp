#include "bar_rows.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "html_page.hpp"

namespace pocket::svg {

namespace {
constexpr double kRowHeight = 34.0, kTop = 16.0, kBottom = 52.0, kValueWidth = 250.0;
}  // namespace

RowsLayout rows_layout(const std::vector<BarRow>& rows) {
  double name_width = 0.0;
  for (const BarRow& r : rows) name_width = std::max(name_width, text_width(r.name));
  const double height = kTop + kRowHeight * static_cast<double>(rows.size()) + kBottom;
  return {height, Area{.left = std::clamp(name_width + 20.0, kLeft, 280.0),
                       .top = kTop,
                       .right = kWidth - kValueWidth,
                       .bottom = height - kBottom}};
}

void bar_rows(std::string& out, const RowsLayout& layout, const Scale& x,
              const std::vector<BarRow>& rows) {
  const Area& area = layout.area;
  const auto clip = [&](double v) { return std::clamp(finite_or_zero(v), x.lo, x.hi); };
  for (std::size_t i = 0; i < rows.size(); ++i) {
    const BarRow& r = rows[i];
    const double centre = area.top + kRowHeight * (static_cast<double>(i) + 0.5);
    text(out, "legend", area.left - 10, centre + 4, "end", r.name);
    out += fmt::format("<g><title>{}</title>", escape_html(r.title));
    rect(out, r.css_class, x(clip(r.from)), centre - 8, x(clip(r.to)), centre + 8);
    whisker(out, x(clip(r.low)), x(clip(r.high)), centre, 6);
    out += "</g>";
    text(out, "tick", area.right + 14, centre + 4, "start", r.value);
    out += '\n';
  }
}

}  // namespace pocket::svg
