#include "progress_view.hpp"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>

#include "html_report.hpp"

namespace pocket {

namespace {

constexpr const char* kBlocks[] = {"▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"};

// A small line chart: one point per session, in order.
std::string line_chart(const std::vector<std::optional<double>>& values, const std::string& title,
                       const std::string& unit) {
  constexpr double kWidth = 640, kHeight = 200, kLeft = 50, kRight = 10, kTop = 20, kBottom = 30;
  double low = 1e300, high = -1e300;
  for (const auto& v : values) {
    if (v) low = std::min(low, *v), high = std::max(high, *v);
  }
  std::string svg = fmt::format(
      R"(<svg class="chart progress" viewBox="0 0 {} {}" width="{}" height="{}" role="img"><title>{}</title>)",
      kWidth, kHeight, kWidth, kHeight, escape_html(title));
  svg += fmt::format(R"(<text x="{}" y="14" font-size="12">{}</text>)", kLeft, escape_html(title));
  if (low > high) return svg + R"(<text x="50" y="100" font-size="12">no data yet</text></svg>)";
  if (high - low < 1e-9) low -= 1.0, high += 1.0;
  const double n = static_cast<double>(std::max<std::size_t>(values.size() - 1, 1));
  const auto x = [&](std::size_t i) {
    return kLeft + (kWidth - kLeft - kRight) * static_cast<double>(i) / n;
  };
  const auto y = [&](double v) {
    return kTop + (kHeight - kTop - kBottom) * (high - v) / (high - low);
  };
  svg += fmt::format(R"(<text x="4" y="{:.1f}" font-size="10">{:g} {}</text>)", y(high) + 4, high,
                     unit);
  svg +=
      fmt::format(R"(<text x="4" y="{:.1f}" font-size="10">{:g} {}</text>)", y(low) + 4, low, unit);
  std::string path;
  for (std::size_t i = 0; i < values.size(); ++i) {
    if (!values[i]) continue;
    path += fmt::format("{}{:.1f},{:.1f} ", path.empty() ? "M" : "L", x(i), y(*values[i]));
    svg += fmt::format(R"(<circle cx="{:.1f}" cy="{:.1f}" r="3" fill="#2a6f97"/>)", x(i),
                       y(*values[i]));
  }
  svg += fmt::format(R"(<path d="{}" fill="none" stroke="#2a6f97" stroke-width="1.5"/>)", path);
  return svg + "</svg>";
}

}  // namespace

std::string sparkline(std::span<const std::optional<double>> values) {
  double low = 1e300, high = -1e300;
  for (const auto& v : values) {
    if (v) low = std::min(low, *v), high = std::max(high, *v);
  }
  std::string line;
  for (const auto& v : values) {
    if (!v) {
      line += " ";
      continue;
    }
    const double share = high > low ? (*v - low) / (high - low) : 0.5;
    line += kBlocks[std::clamp(static_cast<int>(std::lround(share * 7.0)), 0, 7)];
  }
  return line;
}

std::string progress_html(const std::vector<ProgressPoint>& points, const std::string& suggestion) {
  std::vector<std::optional<double>> tempos, spreads;
  std::string rows;
  for (const ProgressPoint& p : points) {
    tempos.push_back(p.consolidated_bpm);
    spreads.push_back(p.sd_ms);
    rows += fmt::format(
        "<tr><td>{}</td><td>{}</td><td>{}</td><td>{:.1f} ms</td></tr>", escape_html(p.date),
        escape_html(p.drill),
        p.consolidated_bpm ? fmt::format("{:g} BPM", *p.consolidated_bpm) : "not yet", p.sd_ms);
  }
  return fmt::format(
      R"(<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>pocket: progress</title>)"
      R"(<style>body{{font-family:system-ui,sans-serif;margin:2em;color:#222;background:#fafafa}})"
      R"(table{{border-collapse:collapse}}td,th{{padding:4px 10px;border-bottom:1px solid #ddd;text-align:left}}</style>)"
      R"(</head><body><h1>Progress</h1><p>{}</p>{}{}<table><tr><th>date</th><th>drill</th>)"
      R"(<th>consolidated tempo</th><th>SD</th></tr>{}</table></body></html>)",
      escape_html(suggestion), line_chart(tempos, "consolidated tempo", "BPM"),
      line_chart(spreads, "SD", "ms"), rows);
}

}  // namespace pocket
