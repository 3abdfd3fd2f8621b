#include <cmath>
#include <limits>
#include <regex>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "html_text.hpp"
#include "report/progress_view.hpp"

using namespace pocket;
using namespace pocket::test;

namespace {

// The drill sections of a page, in order.
std::vector<std::string> sections(const std::string& page) {
  std::vector<std::string> out;
  for (auto at = page.find("<section class=\"drill\""); at != std::string::npos;
       at = page.find("<section class=\"drill\"", at + 1))
    out.push_back(page.substr(at, page.find("</section>", at) - at));
  return out;
}

// The numbers of an SVG path's d attribute, as x, y pairs.
std::vector<std::pair<double, double>> path_points(const std::string& d) {
  std::vector<std::pair<double, double>> points;
  const std::regex pair(R"((-?[0-9.]+),(-?[0-9.]+))");
  for (auto it = std::sregex_iterator(d.begin(), d.end(), pair); it != std::sregex_iterator(); ++it)
    points.emplace_back(std::stod((*it)[1]), std::stod((*it)[2]));
  return points;
}

// The d attribute of the first path of a class.
std::string path_d(const std::string& svg, const std::string& css_class) {
  const std::string start = "<path class=\"" + css_class + "\" d=\"";
  const auto at = svg.find(start);
  if (at == std::string::npos) return {};
  const auto from = at + start.size();
  return svg.substr(from, svg.find('"', from) - from);
}

// The cx of every session mark (not the legend's) in a chart, in order.
std::vector<double> session_xs(const std::string& svg) {
  std::vector<double> xs;
  const std::regex mark(
      R"re(<circle class="(held|none-held|sd)" cx="([0-9.]+)" cy="[0-9.]+" r="[0-9.]+"><title>)re");
  for (auto it = std::sregex_iterator(svg.begin(), svg.end(), mark); it != std::sregex_iterator();
       ++it)
    xs.push_back(std::stod((*it)[2]));
  return xs;
}

DrillProgress drill(std::string name, std::vector<ProgressPoint> points) {
  DrillProgress d;
  d.drill = std::move(name);
  d.points = std::move(points);
  d.today = "2026-11-05";
  return d;
}

// Two drills at different tempos: a plain `play` at 100 BPM and a ladder climbing past 130.
std::vector<DrillProgress> two_drills() {
  DrillProgress play = drill("play", {{"2026-10-05", 100.0, 21.0},
                                      {"2026-10-12", std::nullopt, 24.0},
                                      {"2026-10-19", 100.0, 19.0}});
  play.consolidated_bpm = 100.0;
  play.suggestion = "Next session: start around 96 BPM.";
  DrillProgress ladder = drill("ladder", {{"2026-10-03", 126.0, 18.0},
                                          {"2026-10-10", 129.0, 17.0},
                                          {"2026-10-24", 132.0, 16.5},
                                          {"2026-11-01", 135.0, 15.0}});
  ladder.consolidated_bpm = 135.0;
  ladder.goal_bpm = 160.0;
  ladder.goal_by = "2027-03-01";
  ladder.goal_text =
      "Your held tempo is rising about 1.2 BPM a week over the last 8 weeks: at that rate you "
      "would reach 160 BPM around 2027-03-29.";
  ladder.suggestion = "Next session: start around 131 BPM.";
  return {play, ladder};
}

bool is_nice_step(double step) {
  const double magnitude = std::pow(10.0, std::floor(std::log10(step) + 1e-9));
  const double factor = step / magnitude;
  for (double nice : {1.0, 2.0, 2.5, 5.0})
    if (std::abs(factor - nice) < 1e-6) return true;
  return false;
}

}  // namespace

TEST_CASE("each drill has its own section, charts and line", "[progress_view]") {
  const std::string page = progress_html(two_drills());
  CHECK(page.starts_with("<!DOCTYPE html>"));
  const std::vector<std::string> parts = sections(page);
  REQUIRE(parts.size() == 2);
  CHECK(parts[0].find("<h2>play</h2>") != std::string::npos);
  CHECK(parts[1].find("<h2>ladder</h2>") != std::string::npos);
  CHECK(count(page, "<svg") == 4);
  CHECK(count(page, "<nav class=\"contents\"") == 1);
  CHECK(count(page, "href=\"#drill-") == 2);

  // Each tempo line runs through its own drill's held tempos only.
  CHECK(count(page, "<path class=\"held-line\"") == 2);
  CHECK(path_points(path_d(chart(parts[0], "tempo"), "held-line")).size() == 2);
  CHECK(path_points(path_d(chart(parts[1], "tempo"), "held-line")).size() == 4);
  CHECK(session_xs(chart(parts[0], "tempo")).size() == 3);
  CHECK(session_xs(chart(parts[1], "tempo")).size() == 4);
  CHECK(session_xs(chart(parts[0], "sd")).size() == 3);
  // The session that held no tempo is a hollow mark, not a point on the line.
  CHECK(count(chart(parts[0], "tempo"), "<circle class=\"none-held\" cx=") == 2);  // + legend
  CHECK(parts[0].find("none held") != std::string::npos);

  CHECK(parts[1].find("you would reach 160 BPM around 2027-03-29") != std::string::npos);
  CHECK(parts[1].find("Next session: start around 131 BPM.") != std::string::npos);
  CHECK(parts[0].find("131 BPM") == std::string::npos);
  CHECK(parts[0].find("135 BPM") == std::string::npos);

  // Chart ids stay unique on the page.
  CHECK(count(page, "id=\"drill-1-tempo-title\"") == 1);
  CHECK(count(page, "id=\"drill-2-tempo-title\"") == 1);
}

TEST_CASE("a song's section follows its speed in percent beside a drill's tempo in BPM",
          "[progress_view]") {
  DrillProgress song = drill(
      "song.wav",
      {{"2026-10-20", 70.0, 14.0}, {"2026-10-27", std::nullopt, 16.0}, {"2026-11-03", 87.5, 12.0}});
  song.measure = ProgressMeasure::speed;
  song.consolidated_bpm = 87.5;
  std::vector<DrillProgress> page_parts = two_drills();
  page_parts.push_back(song);
  const std::string page = progress_html(page_parts);
  CHECK(page.find("2 drills and 1 song · 10 sessions") != std::string::npos);
  CHECK(page.find("Speed held: the highest speed, in percent of the song's own tempo") !=
        std::string::npos);
  CHECK(page.find("87.5 % now") != std::string::npos);  // its line in the contents
  CHECK(page.find("135 BPM now") != std::string::npos);

  const std::vector<std::string> parts = sections(page);
  REQUIRE(parts.size() == 3);
  const std::string& section = parts[2];
  CHECK(section.find("<h3>Speed held</h3>") != std::string::npos);
  CHECK(section.find("Consolidated speed now") != std::string::npos);
  CHECK(section.find(">87.5 %<") != std::string::npos);
  // 5 % above 87.5 %: the ceiling, in percent of the song's tempo.
  CHECK(section.find(">91.9 %<") != std::string::npos);
  const std::string tempo = chart(section, "tempo");
  CHECK(tempo.find("speed held (% of the song") != std::string::npos);
  CHECK(tempo.find("no speed held") != std::string::npos);
  CHECK(tempo.find("Oct 20 2026: 70 % held") != std::string::npos);
  CHECK(section.find("BPM") == std::string::npos);
  CHECK_THAT(section, !Catch::Contains("tempo held", Catch::CaseSensitive::No));
  // The drills' sections keep their tempos.
  CHECK(parts[1].find("<h3>Tempo held</h3>") != std::string::npos);
  CHECK(parts[1].find("%<") == std::string::npos);
}

TEST_CASE("a single drill has no table of contents", "[progress_view]") {
  const std::string page = progress_html({two_drills()[1]});
  CHECK(sections(page).size() == 1);
  CHECK(page.find("<nav") == std::string::npos);
}

TEST_CASE("sessions sit on a dated time axis", "[progress_view]") {
  DrillProgress d = drill(
      "play",
      {{"2026-10-01", 100.0, 20.0}, {"2026-10-02", 101.0, 19.0}, {"2026-10-31", 102.0, 18.0}});
  d.today = "2026-10-31";
  const std::string svg = chart(progress_html({d}), "tempo");
  const std::vector<double> xs = session_xs(svg);
  REQUIRE(xs.size() == 3);
  // One day apart, then 29 days apart: the distances follow the calendar.
  CHECK((xs[2] - xs[1]) / (xs[1] - xs[0]) == Approx(29.0).epsilon(0.02));

  const std::regex date_tick(R"(<text class="tick date"[^>]*>(Oct|Nov) [0-9]{1,2}</text>)");
  const auto dates = std::distance(std::sregex_iterator(svg.begin(), svg.end(), date_tick),
                                   std::sregex_iterator());
  CHECK(dates >= 4);
  CHECK(svg.find(">2026</text>") != std::string::npos);
  CHECK(svg.find("Oct 1 2026: 100 BPM held, SD 20.0 ms") != std::string::npos);  // tooltip
  CHECK(chart(progress_html({d}), "sd").find("class=\"tick date\"") != std::string::npos);
}

TEST_CASE("the goal line and the next sessions' ceiling show when there is a goal and a tempo",
          "[progress_view]") {
  const std::vector<DrillProgress> drills = two_drills();
  const std::string ladder = chart(progress_html({drills[1]}), "tempo");
  CHECK(ladder.find("<line class=\"goal\"") != std::string::npos);
  CHECK(ladder.find("goal 160 BPM by Mar 1 2027") != std::string::npos);
  CHECK(ladder.find("<path class=\"pace-band\"") != std::string::npos);
  CHECK(ladder.find("ceiling for the next sessions: 5% above what you hold") != std::string::npos);
  CHECK(ladder.find("from 135 BPM up to 141.8 BPM") != std::string::npos);
  CHECK(ladder.find("<line class=\"today\"") != std::string::npos);

  // A flat band from the consolidated tempo up to the ceiling, starting today, inside the plot:
  // a ceiling that moves only when a session holds more, never a climb drawn as a forecast.
  const auto band = path_points(path_d(ladder, "pace-band"));
  REQUIRE(band.size() == 4);
  double low_y = 0.0, high_y = 1e9, right = 0.0;
  for (const auto& [x, y] : band) {
    low_y = std::max(low_y, y), high_y = std::min(high_y, y);
    right = std::max(right, x);
  }
  for (const auto& [x, y] : band) CHECK((y == Approx(low_y) || y == Approx(high_y)));
  CHECK(high_y < low_y);
  CHECK(high_y >= 44.0);                        // the top of the plot
  CHECK(right <= 936.0);                        // the right edge of the plot
  CHECK(band.front().second == Approx(low_y));  // it starts at the consolidated tempo

  const std::string play = chart(progress_html({drills[0]}), "tempo");
  CHECK(play.find("class=\"goal\"") == std::string::npos);
  CHECK(play.find("class=\"pace-band\"") != std::string::npos);

  DrillProgress bare = drills[0];
  bare.consolidated_bpm.reset();
  const std::string bare_chart = chart(progress_html({bare}), "tempo");
  CHECK(bare_chart.find("class=\"goal\"") == std::string::npos);
  CHECK(bare_chart.find("class=\"pace-band\"") == std::string::npos);

  DrillProgress no_pace = drills[1];
  no_pace.max_increase_percent = 0.0;
  CHECK(chart(progress_html({no_pace}), "tempo").find("class=\"pace-band\"") == std::string::npos);
}

TEST_CASE("numbers are rounded for people", "[progress_view]") {
  DrillProgress d = drill(
      "ladder",
      {{"2026-10-01", 152.46, 15.41834}, {"2026-10-03", 152.0, 9.0}, {"2026-10-05", 152.5, 25.25}});
  d.consolidated_bpm = 152.46;
  d.goal_bpm = 160.0;
  d.max_increase_percent = 3.0;
  const std::string page = progress_html({d});
  CHECK(page.find("15.4 ms") != std::string::npos);
  CHECK(page.find("9.0 ms") != std::string::npos);
  CHECK(page.find("25.3 ms") != std::string::npos);
  CHECK(page.find("152.5 BPM") != std::string::npos);
  CHECK(page.find(">152 BPM<") != std::string::npos);
  CHECK(page.find("160 BPM") != std::string::npos);
  CHECK(page.find("3% above") != std::string::npos);
  CHECK(page.find(">157 BPM<") != std::string::npos);  // 3% above 152.46: the next ceiling
  CHECK(page.find(".0 BPM") == std::string::npos);
  CHECK(page.find("15.4183") == std::string::npos);
  CHECK_FALSE(std::regex_search(page, std::regex(R"([0-9]\.[0-9]{2})")));

  // The tempo axis steps by 1, 2, 2.5 or 5 times a power of ten.
  for (const char* kind : {"tempo", "sd"}) {
    INFO(kind);
    const std::string svg = chart(page, kind);
    const std::regex tick(
        R"(<text class="tick" x="56" y="[0-9.]+" text-anchor="end">([0-9.]+)</text>)");
    std::vector<double> values;
    for (auto it = std::sregex_iterator(svg.begin(), svg.end(), tick); it != std::sregex_iterator();
         ++it)
      values.push_back(std::stod((*it)[1]));
    REQUIRE(values.size() >= 3);
    for (std::size_t i = 1; i < values.size(); ++i) {
      CHECK(is_nice_step(values[i] - values[i - 1]));
      CHECK(values[i] - values[i - 1] == Approx(values[1] - values[0]));
    }
  }
}

TEST_CASE("user text is escaped on the progress page", "[progress_view]") {
  std::vector<DrillProgress> drills = two_drills();
  drills[0].drill = "<script>alert(1)</script>";
  drills[1].drill = R"(Groove "A" & <b>)";
  drills[1].goal_text = "<i>soon</i>";
  drills[1].suggestion = "<img onerror=x>";
  drills[1].goal_by = "<x>";
  drills[1].points[0].date = "<d>";
  const std::string page = progress_html(drills);
  CHECK(page.find("<script") == std::string::npos);
  CHECK(count(page, "&lt;script&gt;alert(1)&lt;/script&gt;") == 2);  // contents and heading
  CHECK(page.find("<b>") == std::string::npos);
  CHECK(page.find("Groove &quot;A&quot; &amp; &lt;b&gt;") != std::string::npos);
  CHECK(page.find("<i>") == std::string::npos);
  CHECK(page.find("&lt;i&gt;soon&lt;/i&gt;") != std::string::npos);
  CHECK(page.find("<img") == std::string::npos);
  CHECK(page.find("<x>") == std::string::npos);
  CHECK(page.find("<d>") == std::string::npos);
  CHECK(page.find("&lt;d&gt;") != std::string::npos);  // listed, and left off the charts
  CHECK(page.find("1 session without a readable date is left off the charts.") !=
        std::string::npos);

  // Self-contained: nothing to fetch, nothing to run.
  CHECK(page.find("://") == std::string::npos);
  CHECK(page.find("src=") == std::string::npos);
  CHECK(page.find("url(") == std::string::npos);
  CHECK(page.find("Content-Security-Policy") != std::string::npos);
}

TEST_CASE("drills with one session or none render with a note", "[progress_view]") {
  DrillProgress none = drill("score", {});
  none.goal_bpm = 120.0;
  DrillProgress one = drill("groove", {{"2026-11-04", 88.0, 25.0}});
  one.consolidated_bpm = 88.0;
  const std::string page = progress_html({none, one});
  const std::vector<std::string> parts = sections(page);
  REQUIRE(parts.size() == 2);
  CHECK(parts[0].find("No sessions of this drill yet") != std::string::npos);
  CHECK(parts[0].find("<svg") == std::string::npos);
  CHECK(parts[0].find("none yet") != std::string::npos);
  CHECK(parts[0].find("120 BPM") != std::string::npos);
  CHECK(parts[1].find("One session so far") != std::string::npos);
  CHECK(count(parts[1], "<svg") == 2);
  CHECK(session_xs(chart(parts[1], "tempo")).size() == 1);

  const std::string nobody = progress_html({});
  CHECK(nobody.find("No sessions yet") != std::string::npos);
  CHECK(sections(nobody).empty());
}

TEST_CASE("broken numbers and dates give a page without NaN or infinity", "[progress_view]") {
  const double nan = std::numeric_limits<double>::quiet_NaN();
  const double inf = std::numeric_limits<double>::infinity();
  DrillProgress d = drill("play", {{"2026-10-01", nan, nan},
                                   {"2026-10-02", inf, inf},
                                   {"2026-02-30", 100.0, 20.0},
                                   {"2026-10-04", -5.0, 20.0},
                                   {"2026-10-05", 100.0, 20.0}});
  d.consolidated_bpm = nan;
  d.goal_bpm = inf;
  d.max_increase_percent = nan;
  d.today = "not a date";
  const std::string page = progress_html({d});
  CHECK_FALSE(std::regex_search(page, std::regex(R"(\b(nan|inf)\b)", std::regex::icase)));
  CHECK(session_xs(chart(page, "tempo")).size() == 4);  // the impossible date is left off

  DrillProgress huge = d;
  huge.consolidated_bpm = 100.0;
  huge.max_increase_percent = 1e9;
  CHECK_FALSE(
      std::regex_search(progress_html({huge}), std::regex(R"(\b(nan|inf)\b)", std::regex::icase)));
}
