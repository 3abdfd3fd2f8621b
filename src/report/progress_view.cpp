#include "progress_view.hpp"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>

#include "calendar.hpp"
#include "core/tempo_text.hpp"
#include "html_page.hpp"
#include "labels.hpp"
#include "progress_charts.hpp"
#include "progress_measure.hpp"
#include "progress_timeline.hpp"
#include "svg_draw.hpp"

namespace pocket {

namespace {

using progress_timeline::DatedPoint;
using progress_timeline::has_pace_band;
using progress_timeline::next_session_ceiling;
using progress_timeline::pace_percent;
using progress_timeline::Timeline;
using progress_timeline::usable_bpm;

constexpr const char* kBlocks[] = {"▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"};

constexpr std::string_view kProgressCss =
    "h3{font-size:15px;font-weight:600;margin:20px 0 2px}\n"
    "section.drill h2{font-size:20px}\n"
    ".intro{color:#444;margin:10px 0 0;max-width:48em}\n"
    "nav.contents{background:#fff;border:1px solid #e2e2dd;border-radius:8px;"
    "padding:12px 20px;margin:16px 0}\n"
    "nav.contents ol{margin:4px 0 0;padding-left:22px}\n"
    "nav.contents a{color:#0b5394}\n"
    ".projection{margin:10px 0 0;color:#444}\n"
    ".suggestion{font-size:16px;margin:10px 0 0}\n"
    ".thin{color:#666;font-style:italic;margin:10px 0 0}\n";

constexpr std::string_view kTempoIntro =
    "Each drill is measured against its own history. Tempo held: the highest tempo at which a "
    "session's timing met the pass rule (for a ladder, its highest step passed). ";
constexpr std::string_view kSpeedIntro =
    "A song is measured against its own history, whatever the drill played along with it. Speed "
    "held: the highest speed, in percent of the song's own tempo, at which a session's timing "
    "met the pass rule (for a ladder, its highest step passed). ";
constexpr std::string_view kSdIntro =
    "SD: how far strokes landed from their own average, in milliseconds; lower is steadier.";

std::string plural(std::size_t n, std::string_view one, std::string_view many) {
  return fmt::format("{} {}", n, n == 1 ? one : many);
}

// "Oct 2 2026 to Nov 3 2026", or the one date, or nothing without dated sessions.
std::string date_span(const Timeline& timeline) {
  if (timeline.points.empty()) return {};
  const int first = timeline.points.front().day, last = timeline.points.back().day;
  if (first == last) return calendar::full(first);
  return calendar::full(first) + " to " + calendar::full(last);
}

std::string summary_table(const DrillProgress& drill) {
  const progress_measure::Words words = progress_measure::words(drill.measure);
  const auto value = [&](double held) { return progress_measure::value(drill.measure, held); };
  std::string out = "<table class=\"summary-table\">\n";
  const std::string consolidated = fmt::format("Consolidated {} now", words.noun);
  if (const auto now = usable_bpm(drill.consolidated_bpm)) {
    summary_row(
        out, consolidated, value(*now),
        fmt::format("the {} your sessions hold: the next climb starts from here", words.noun));
  } else {
    summary_row(out, consolidated, "none yet",
                fmt::format("no session has held a {} yet", words.noun));
  }
  if (const auto goal = usable_bpm(drill.goal_bpm)) {
    const auto by = calendar::day_number(drill.goal_by);
    summary_row(out, "Your goal", value(*goal),
                by ? "by " + calendar::full(*by) : std::string("no date set"));
  }
  const std::string percent = format_one_decimal(pace_percent(drill));
  if (const auto ceiling = next_session_ceiling(drill)) {
    summary_row(out, "Ceiling for the next session", value(*ceiling),
                fmt::format("{}% above the consolidated {}: the most the next session may climb",
                            percent, words.noun));
  } else {
    summary_row(out, "Ceiling for the next session", percent + "% above",
                fmt::format("the consolidated {}, once a session holds one", words.noun));
  }
  return out + "</table>\n";
}

// What the data is too thin to show, in words.
std::string thin_note(const DrillProgress& drill, const Timeline& timeline) {
  std::string note;
  if (drill.points.empty()) {
    note = fmt::format("No sessions of this {} yet: its charts start with the first one.",
                       progress_measure::words(drill.measure).kind);
  } else if (drill.points.size() == 1) {
    note = "One session so far: a trend shows from the second one on.";
  }
  if (timeline.undated > 0) {
    if (!note.empty()) note += " ";
    note += fmt::format("{} without a readable date {} left off the charts.",
                        plural(timeline.undated, "session", "sessions"),
                        timeline.undated == 1 ? "is" : "are");
  }
  return note.empty() ? note : fmt::format("<p class=\"thin\">{}</p>\n", escape_html(note));
}

std::string tempo_caption(const DrillProgress& drill, const Timeline& timeline) {
  const std::string_view noun = progress_measure::words(drill.measure).noun;
  std::string caption = fmt::format(
      "Each filled dot is a session on its date, at the {} it held; the axis runs in days, so "
      "gaps between sessions show as gaps.",
      noun);
  if (std::any_of(timeline.points.begin(), timeline.points.end(),
                  [](const DatedPoint& p) { return !p.bpm; }))
    caption += fmt::format(" Hollow marks in the bottom strip are sessions that held no {}.", noun);
  if (usable_bpm(drill.goal_bpm)) caption += " The dashed line is your goal.";
  if (has_pace_band(drill, timeline)) {
    caption += fmt::format(
        " The green band, from {} on, runs from the consolidated {} up to {}, {}% above it: "
        "the most the next sessions may climb. It is a ceiling, not a forecast: it moves up only "
        "when a session holds more.",
        timeline.ahead_is_today ? "today" : "the last session", noun,
        progress_measure::value(drill.measure, *next_session_ceiling(drill)),
        format_one_decimal(pace_percent(drill)));
  }
  return caption;
}

std::string sessions_table(const DrillProgress& drill) {
  std::string out = fmt::format(
      "<table class=\"sessions\">\n<tr><th>Date</th><th class=\"num\">{} held</th>"
      "<th class=\"num\">SD</th></tr>\n",
      progress_measure::words(drill.measure).Noun);
  for (auto p = drill.points.rbegin(); p != drill.points.rend(); ++p) {
    const auto held = usable_bpm(p->held_bpm);
    out += fmt::format("<tr><td>{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td></tr>\n",
                       escape_html(p->date),
                       held ? progress_measure::value(drill.measure, *held) : "none held",
                       std::isfinite(p->sd_ms) ? labels::ms(p->sd_ms) : "–");
  }
  return out + "</table>\n";
}

std::string drill_section(const DrillProgress& drill, std::size_t number) {
  const Timeline timeline = progress_timeline::timeline(drill);
  const std::string id = fmt::format("drill-{}", number);
  std::string out = fmt::format("<section class=\"drill\" id=\"{}\">\n<h2>{}</h2>\n", id,
                                escape_html(drill.drill));
  std::string meta = plural(drill.points.size(), "session", "sessions");
  if (const std::string span = date_span(timeline); !span.empty()) meta += " · " + span;
  out += fmt::format("<p class=\"meta\">{}</p>\n", escape_html(meta));
  out += summary_table(drill);
  if (!drill.goal_text.empty())
    out += fmt::format("<p class=\"projection\">{}</p>\n", escape_html(drill.goal_text));
  if (!drill.suggestion.empty())
    out += fmt::format("<p class=\"suggestion\">{}</p>\n", escape_html(drill.suggestion));
  out += thin_note(drill, timeline);
  if (drill.points.empty()) return out + "</section>\n";

  out += fmt::format("<h3>{} held</h3>\n<p class=\"caption\">{}</p>\n{}",
                     progress_measure::words(drill.measure).Noun,
                     escape_html(tempo_caption(drill, timeline)),
                     progress_charts::tempo_chart(drill, timeline, id + "-tempo"));
  out += fmt::format(
      "<h3>Consistency (SD)</h3>\n<p class=\"caption\">How far each session's strokes landed "
      "from their own average, on the same dates. Lower is steadier.</p>\n{}",
      progress_charts::sd_chart(timeline, drill.measure, id + "-sd"));
  out += "<h3>Sessions, newest first</h3>\n" + sessions_table(drill);
  return out + "</section>\n";
}

// "2 drills", "1 song", "2 drills and 1 song": what the page holds.
std::string kinds_text(const std::vector<DrillProgress>& drills) {
  std::string text;
  for (const ProgressMeasure measure : {ProgressMeasure::tempo, ProgressMeasure::speed}) {
    const auto n = static_cast<std::size_t>(
        std::count_if(drills.begin(), drills.end(),
                      [&](const DrillProgress& d) { return d.measure == measure; }));
    const progress_measure::Words words = progress_measure::words(measure);
    if (n > 0) text += (text.empty() ? "" : " and ") + plural(n, words.kind, words.kinds);
  }
  return text.empty() ? plural(0, "drill", "drills") : text;
}

std::string contents(const std::vector<DrillProgress>& drills) {
  std::string out = "<nav class=\"contents\">\n<h2>Contents</h2>\n<ol>\n";
  for (std::size_t i = 0; i < drills.size(); ++i) {
    const auto now = usable_bpm(drills[i].consolidated_bpm);
    const progress_measure::Words words = progress_measure::words(drills[i].measure);
    out +=
        fmt::format("<li><a href=\"#drill-{}\">{}</a> <span class=\"meta\">· {} · {}</span></li>\n",
                    i + 1, escape_html(drills[i].drill),
                    now ? progress_measure::value(drills[i].measure, *now) + " now"
                        : fmt::format("no {} held yet", words.noun),
                    plural(drills[i].points.size(), "session", "sessions"));
  }
  return out + "</ol>\n</nav>\n";
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

std::string progress_html(const std::vector<DrillProgress>& drills) {
  std::string out = page_start(
      "Progress", svg::chart_css() + progress_charts::chart_css() + std::string(kProgressCss));
  std::size_t sessions = 0;
  for (const DrillProgress& d : drills) sessions += d.points.size();
  out += fmt::format("<header>\n<h1>Progress</h1>\n<p class=\"meta\">{} · {}</p>\n",
                     kinds_text(drills), plural(sessions, "session", "sessions"));
  const auto any = [&](ProgressMeasure measure) {
    return std::any_of(drills.begin(), drills.end(),
                       [&](const DrillProgress& d) { return d.measure == measure; });
  };
  const bool songs_only = any(ProgressMeasure::speed) && !any(ProgressMeasure::tempo);
  out += fmt::format("<p class=\"intro\">{}{}{}</p>\n</header>\n", songs_only ? "" : kTempoIntro,
                     any(ProgressMeasure::speed) ? kSpeedIntro : "", kSdIntro);

  if (drills.empty()) {
    out +=
        "<section>\n<p class=\"thin\">No sessions yet: play one and come back.</p>\n"
        "</section>\n";
  }
  if (drills.size() > 1) out += contents(drills);
  for (std::size_t i = 0; i < drills.size(); ++i) out += drill_section(drills[i], i + 1);

  out += "<footer>\n<p>Made by pocket.</p>\n</footer>\n";
  return out + page_end();
}

}  // namespace pocket
