#include "progress_charts.hpp"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>

#include "calendar.hpp"
#include "core/tempo_ladder.hpp"
#include "core/tempo_text.hpp"
#include "html_page.hpp"
#include "labels.hpp"
#include "progress_measure.hpp"
#include "svg_draw.hpp"

namespace pocket::progress_charts {

using namespace svg;
using namespace progress_timeline;

namespace {

constexpr double kTop = 44.0;           // room for the legend above the plot
constexpr double kBottom = 48.0;        // room for the dates and their years under the plot
constexpr double kLaneHeight = 24.0;    // the strip for sessions that held no tempo
constexpr double kLaneGap = 6.0;        // between the plot and that strip
constexpr double kMinTempoSpan = 10.0;  // BPM (or %): the least the tempo axis spans
constexpr double kMinSdTop = 10.0;      // ms: the least the SD axis reaches
constexpr int kMostDateTicks = 9;

// The days along x, with a little air at both ends so that no mark sits on the frame.
Scale date_scale(const Timeline& timeline, const Area& area) {
  const double pad = std::max(0.5, 0.02 * (timeline.last - timeline.first));
  return {timeline.first - pad, timeline.last + pad, area.left, area.right};
}

// Dates under the plot, "Nov 3", with the year under the first one and wherever it changes.
void date_axis(std::string& out, const Area& area, const Scale& x, const Timeline& timeline) {
  line(out, "axis", area.left, area.bottom, area.right, area.bottom);
  std::optional<int> shown_year;
  for (int day : calendar::ticks(timeline.first, timeline.last, kMostDateTicks)) {
    line(out, "axis", x(day), area.bottom, x(day), area.bottom + 5);
    text(out, "tick date", x(day), area.bottom + 18, "middle", calendar::month_day(day));
    const int year = calendar::year_of(day);
    if (year != shown_year) {
      text(out, "tick year", x(day), area.bottom + 33, "middle", std::to_string(year));
      shown_year = year;
    }
  }
}

void vertical_grid(std::string& out, const Area& area, const Scale& x, const Timeline& timeline) {
  for (int day : calendar::ticks(timeline.first, timeline.last, kMostDateTicks))
    line(out, "grid", x(day), area.top, x(day), area.bottom);
}

// A dashed line where "ahead" starts, labelled at the top.
void today_marker(std::string& out, const Area& area, const Scale& x, const Timeline& timeline) {
  if (!timeline.ahead_from) return;
  const double at = x(*timeline.ahead_from);
  line(out, "today", at, area.top, at, area.bottom);
  text(out, "tick label-halo", at - 4, area.top + 13, "end",
       timeline.ahead_is_today ? "today" : "last session");
}

std::string path_through(const std::vector<std::pair<double, double>>& xy) {
  std::string d;
  for (const auto& [px, py] : xy)
    d += fmt::format("{}{},{}", d.empty() ? "M" : " L", coord(px), coord(py));
  return d;
}

enum class Mark { held, none_held, goal, pace_band };

// A legend entry drawn as its mark; returns where the next one starts.
double legend_entry(std::string& out, double x, double y, Mark mark, std::string_view name) {
  if (mark == Mark::held) {
    line(out, "held-line", x, y - 4, x + 18, y - 4);
    out +=
        fmt::format(R"(<circle class="held" cx="{}" cy="{}" r="4"/>)", coord(x + 9), coord(y - 4));
  } else if (mark == Mark::none_held) {
    out += fmt::format(R"(<circle class="none-held" cx="{}" cy="{}" r="4"/>)", coord(x + 9),
                       coord(y - 4));
  } else if (mark == Mark::goal) {
    line(out, "goal", x, y - 4, x + 18, y - 4);
  } else {
    rect(out, "pace-band", x, y - 10, x + 18, y + 1);
  }
  text(out, "legend", x + 24, y, "start", name);
  return x + 24 + text_width(name) + 22;
}

// The next sessions' ceiling: a flat band from the consolidated tempo up to the most the next
// session may climb, for kAheadDays from `ahead_from`, cut off at the top of the plot. Flat,
// because it moves only when a session holds more: compounding it would draw a forecast.
void pace_band(std::string& out, const DrillProgress& drill, const Timeline& timeline,
               const Scale& x, const Scale& y) {
  const double from = *usable_bpm(drill.consolidated_bpm);
  const double ceiling = *next_session_ceiling(drill);
  const double start = x(*timeline.ahead_from), end = x(*timeline.ahead_from + kAheadDays);
  const double bottom = y(from), top = y(std::min(y.hi, ceiling));
  out += fmt::format(
      R"(<path class="pace-band" d="M{},{} L{},{} L{},{} L{},{} Z"><title>Ceiling for the next sessions: from {} up to {}, {}% above the {} you hold</title></path>)",
      coord(start), coord(bottom), coord(start), coord(top), coord(end), coord(top), coord(end),
      coord(bottom), progress_measure::value(drill.measure, from),
      progress_measure::value(drill.measure, ceiling), format_one_decimal(pace_percent(drill)),
      progress_measure::words(drill.measure).noun);
  line(out, "pace-edge", start, top, end, top);
}

// The tempo axis: every tempo held, the consolidated tempo, the next sessions' ceiling and the
// goal, with a little air, rounded out to whole ticks.
struct TempoAxis {
  double lo = 0.0, hi = 0.0, step = 1.0;
};
std::optional<TempoAxis> tempo_axis(const DrillProgress& drill, const Timeline& timeline) {
  std::vector<double> values;
  for (const DatedPoint& p : timeline.points)
    if (p.bpm) values.push_back(*p.bpm);
  if (const auto now = usable_bpm(drill.consolidated_bpm)) {
    values.push_back(*now);
    if (has_pace_band(drill, timeline)) values.push_back(*next_session_ceiling(drill));
  }
  if (const auto goal = usable_bpm(drill.goal_bpm)) values.push_back(*goal);
  if (values.empty()) return std::nullopt;
  double lo = *std::min_element(values.begin(), values.end());
  double hi = *std::max_element(values.begin(), values.end());
  if (hi - lo < kMinTempoSpan) {
    const double middle = (lo + hi) / 2.0;
    lo = middle - kMinTempoSpan / 2.0, hi = middle + kMinTempoSpan / 2.0;
  }
  const double air = 0.06 * (hi - lo);
  lo = std::max(0.0, lo - air), hi += air;
  const double step = nice_step_with_quarters((hi - lo) / 5.0);
  return TempoAxis{std::floor(lo / step) * step, std::ceil(hi / step) * step, step};
}

std::string session_words(const DatedPoint& p, ProgressMeasure measure) {
  return fmt::format("{}: {}, SD {}", calendar::full(p.day),
                     p.bpm ? progress_measure::value(measure, *p.bpm) + " held"
                           : fmt::format("no {} held", progress_measure::words(measure).noun),
                     p.sd_ms ? labels::ms(*p.sd_ms) : "not measured");
}

}  // namespace

std::string tempo_chart(const DrillProgress& drill, const Timeline& timeline, std::string_view id) {
  const progress_measure::Words words = progress_measure::words(drill.measure);
  const std::string title = fmt::format("{} held over the dates", words.Noun);
  if (timeline.points.empty()) {
    return empty_chart("tempo", id, title,
                       fmt::format("No dated sessions of this {} yet.", words.kind));
  }
  const bool any_none = std::any_of(timeline.points.begin(), timeline.points.end(),
                                    [](const DatedPoint& p) { return !p.bpm; });
  const double lane = any_none ? kLaneGap + kLaneHeight : 0.0;
  const double height = 340.0 + lane;
  const Area frame{.top = kTop, .bottom = height - kBottom};  // the plot and the lane
  const Area plot{.top = kTop, .bottom = frame.bottom - lane};
  const double lane_middle = frame.bottom - kLaneHeight / 2;
  const Scale x = date_scale(timeline, frame);
  const std::optional<TempoAxis> axis = tempo_axis(drill, timeline);
  const Scale y{axis ? axis->lo : 0.0, axis ? axis->hi : 1.0, plot.bottom, plot.top};

  std::string out = open_svg(
      "tempo", id, height, title,
      fmt::format("{} sessions by date; the {} each one held, the goal and the ceiling of the "
                  "next sessions.",
                  timeline.points.size(), words.noun));
  vertical_grid(out, frame, x, timeline);
  if (axis) {
    y_axis(out, plot, y, ticks(axis->lo, axis->hi, axis->step), format_one_decimal);
    y_title(out, plot, words.y_title);
  } else {
    text(out, "empty", (plot.left + plot.right) / 2, (plot.top + plot.bottom) / 2, "middle",
         fmt::format("No session has held a {} yet.", words.noun));
  }
  if (axis && has_pace_band(drill, timeline)) pace_band(out, drill, timeline, x, y);
  if (any_none) {
    rect(out, "lane", plot.left, frame.bottom - kLaneHeight, plot.right, frame.bottom);
    text(out, "tick", plot.left - 8, lane_middle + 4, "end", "none");
  }
  date_axis(out, frame, x, timeline);
  today_marker(out, frame, x, timeline);

  std::vector<std::pair<double, double>> held;
  for (const DatedPoint& p : timeline.points)
    if (p.bpm) held.emplace_back(x(p.day), y(*p.bpm));
  if (held.size() > 1)
    out += fmt::format(R"(<path class="held-line" d="{}"/>)", path_through(held)) + "\n";

  const auto goal = usable_bpm(drill.goal_bpm);
  if (axis && goal) {
    line(out, "goal", plot.left, y(*goal), plot.right, y(*goal));
    const auto by = calendar::day_number(drill.goal_by);
    const std::string label = "goal " + progress_measure::value(drill.measure, *goal) +
                              (by ? " by " + calendar::full(*by) : "");
    // On the left, where the history usually runs below the goal and the band is not.
    text(out, "goal-label label-halo", plot.left + 6, y(*goal) - 6, "start", label);
  }

  for (const DatedPoint& p : timeline.points) {
    const bool has_bpm = p.bpm.has_value();
    out += fmt::format(R"(<circle class="{}" cx="{}" cy="{}" r="4"><title>{}</title></circle>)",
                       has_bpm ? "held" : "none-held", coord(x(p.day)),
                       coord(has_bpm ? y(*p.bpm) : lane_middle),
                       escape_html(session_words(p, drill.measure)));
    out += '\n';
  }

  double at = plot.left;
  if (!held.empty())
    at = legend_entry(out, at, 22.0, Mark::held, fmt::format("{} held", words.noun));
  if (any_none)
    at = legend_entry(out, at, 22.0, Mark::none_held, fmt::format("no {} held", words.noun));
  if (axis && goal) at = legend_entry(out, at, 22.0, Mark::goal, "your goal");
  if (axis && has_pace_band(drill, timeline)) {
    legend_entry(out, at, 22.0, Mark::pace_band,
                 fmt::format("ceiling for the next sessions: {}% above what you hold",
                             format_one_decimal(pace_percent(drill))));
  }
  return out + "</svg>\n";
}

std::string sd_chart(const Timeline& timeline, ProgressMeasure measure, std::string_view id) {
  constexpr std::string_view kTitle = "SD over the dates";
  double largest = 0.0;
  std::vector<std::pair<double, double>> values;
  for (const DatedPoint& p : timeline.points) {
    if (!p.sd_ms) continue;
    largest = std::max(largest, *p.sd_ms);
    values.emplace_back(p.day, *p.sd_ms);
  }
  if (values.empty()) return empty_chart("sd", id, kTitle, "No SD measured yet.");

  constexpr double kHeight = 250.0;
  const Area area{.top = 20.0, .bottom = kHeight - kBottom};
  const Scale x = date_scale(timeline, area);
  const double step = nice_step_with_quarters(std::max(largest * 1.1, kMinSdTop) / 4.0);
  const double top = std::ceil(std::max(largest * 1.1, kMinSdTop) / step) * step;
  const Scale y{0.0, top, area.bottom, area.top};

  std::string out = open_svg("sd", id, kHeight, kTitle,
                             "The SD of each session in milliseconds, by date; lower is steadier.");
  vertical_grid(out, area, x, timeline);
  y_axis(out, area, y, ticks(0.0, top, step), format_one_decimal);
  y_title(out, area, "SD (ms)");
  date_axis(out, area, x, timeline);
  today_marker(out, area, x, timeline);

  std::vector<std::pair<double, double>> xy;
  for (const auto& [day, sd] : values) xy.emplace_back(x(day), y(sd));
  if (xy.size() > 1)
    out += fmt::format(R"(<path class="sd-line" d="{}"/>)", path_through(xy)) + "\n";
  for (const DatedPoint& p : timeline.points) {
    if (!p.sd_ms) continue;
    out += fmt::format(R"(<circle class="sd" cx="{}" cy="{}" r="3.5"><title>{}</title></circle>)",
                       coord(x(p.day)), coord(y(*p.sd_ms)), escape_html(session_words(p, measure)));
    out += '\n';
  }
  return out + "</svg>\n";
}

std::string chart_css() {
  return "svg.chart .held{fill:#0072b2}\n"
         "svg.chart .held-line{fill:none;stroke:#0072b2;stroke-width:2}\n"
         "svg.chart .none-held{fill:#fff;stroke:#0072b2;stroke-width:1.5}\n"
         "svg.chart .lane{fill:#f4f4f1}\n"
         "svg.chart .goal{stroke:#b04a00;stroke-width:1.5;stroke-dasharray:6 4}\n"
         "svg.chart .goal-label{fill:#b04a00}\n"
         "svg.chart .pace-band{fill:#009e73;fill-opacity:.16}\n"
         "svg.chart .pace-edge{fill:none;stroke:#009e73;stroke-width:1.2}\n"
         "svg.chart .today{stroke:#888;stroke-width:1;stroke-dasharray:3 3}\n"
         "svg.chart .year{font-weight:600}\n"
         "svg.chart .sd{fill:#cc79a7}\n"
         "svg.chart .sd-line{fill:none;stroke:#cc79a7;stroke-width:2}\n";
}

}  // namespace pocket::progress_charts
