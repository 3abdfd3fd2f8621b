#include <cmath>
#include <limits>
#include <regex>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "core/timing_stats.hpp"
#include "html_text.hpp"
#include "report/html_report.hpp"
#include "support/find_required.hpp"

using namespace pocket;
using namespace pocket::test;

namespace {

TimingStats stats_of(const std::vector<double>& offsets_ms) {
  std::vector<TimedOffset> timed;
  for (std::size_t i = 0; i < offsets_ms.size(); ++i)
    timed.push_back({static_cast<double>(i), offsets_ms[i]});
  return timing_stats(timed);
}

const std::vector<double> kLadderBpm = {100, 116, 132, 148};

// `stroke_count` strokes a quarter second apart, taking turns on three pads that lean early,
// late and on the click by known amounts; a four-step ladder over the same time.
ReportData sample_report(std::size_t stroke_count) {
  ReportData data;
  data.title = "Session 12";
  data.started_at = "2024-05-01T18:30:00Z";
  data.drill = "ladder";
  data.tempo = "100-148 BPM";
  data.status = "finished";
  data.summary = "late by 2 ms on average, consistent within 9 ms, no drift";
  data.verdict = "Your top clean tempo today: 132 BPM.";
  data.devices = "JACK system:playback_1; MIDI: TD-17";
  data.precision_bound_ms = 1.5;

  const std::vector<std::string> pads = {"kick", "snare", "hi-hat"};
  const std::vector<double> lean_ms = {-6.0, 8.0, 1.0};
  const std::vector<std::string> labels = {"1", "1&", "2", "2&", "3", "3&", "4", "4&"};
  std::vector<std::vector<double>> by_pad(pads.size()), by_position(labels.size()), all(1);
  for (std::size_t i = 0; i < stroke_count; ++i) {
    const std::size_t pad = i % pads.size(), position = i % labels.size();
    const double offset = lean_ms[pad] + 9.0 * std::sin(static_cast<double>(i) * 0.7);
    data.strokes.push_back(
        {0.25 * static_cast<double>(i), pads[pad], offset, labels[position], position % 2 == 0});
    by_pad[pad].push_back(offset);
    by_position[position].push_back(offset);
    all[0].push_back(offset);
  }
  data.timing = stats_of(all[0]);
  data.missed = 3;
  data.extra = 2;
  data.double_triggers = 1;
  for (std::size_t p = 0; p < pads.size(); ++p) data.pads.push_back({pads[p], stats_of(by_pad[p])});
  for (std::size_t p = 0; p < labels.size(); ++p) {
    data.positions.push_back(
        {static_cast<int>(p), labels[p], p % 2 == 0, stats_of(by_position[p])});
  }
  const double step_seconds = 0.25 * static_cast<double>(stroke_count) / 4.0;
  for (std::size_t s = 0; s < kLadderBpm.size(); ++s) {
    data.steps.push_back({.bpm = kLadderBpm[s],
                          .start_seconds = step_seconds * static_cast<double>(s),
                          .bars = 8,
                          .complete = s < 3,
                          .passed = s < 3,
                          .slots_within_25ms = 0.97 - 0.05 * static_cast<double>(s),
                          .sd_offset_ms = 7.0 + static_cast<double>(s),
                          .mean_offset_ms = 2.0});
  }
  return data;
}

}  // namespace

TEST_CASE("escape_html escapes the five special characters and nothing else", "[html_report]") {
  CHECK(escape_html("") == "");
  CHECK(escape_html("plain text, 120 BPM") == "plain text, 120 BPM");
  CHECK(escape_html("&") == "&amp;");
  CHECK(escape_html("<b>") == "&lt;b&gt;");
  CHECK(escape_html(R"(say "hi")") == "say &quot;hi&quot;");
  CHECK(escape_html("it's") == "it&#39;s");
  CHECK(escape_html("&amp;") == "&amp;amp;");  // already escaped text is escaped again
  CHECK(escape_html("Crash – Zildjian ✓") == "Crash – Zildjian ✓");  // UTF-8 passes through
}

TEST_CASE("a ladder session has four charts with every stroke and step", "[html_report]") {
  const ReportData data = sample_report(400);
  const std::string page = html_report(data);

  CHECK(page.starts_with("<!DOCTYPE html>"));
  CHECK(count(page, "<svg") == 4);
  for (const char* kind : {"offsets", "histogram", "pads", "positions"}) {
    INFO(kind);
    const std::string svg = chart(page, kind);
    REQUIRE_FALSE(svg.empty());
    CHECK(svg.find("viewBox=") != std::string::npos);
    CHECK(svg.find("<title") != std::string::npos);
  }

  const std::string offsets = chart(page, "offsets");
  CHECK(count(offsets, "<circle") == 400);
  CHECK(count(page, "<circle") == 400);
  CHECK(count(offsets, "class=\"step\"") == 4);
  for (double bpm : kLadderBpm) {
    CHECK(offsets.find(std::to_string(static_cast<int>(bpm)) + " BPM") != std::string::npos);
  }
  for (const char* pad : {"kick", "snare", "hi-hat"}) CHECK(offsets.find(pad) != std::string::npos);

  const std::string histogram = chart(page, "histogram");
  CHECK(count(histogram, "<rect class=\"bar\"") > 5);
  CHECK(histogram.find("class=\"zero\"") != std::string::npos);

  CHECK(count(chart(page, "pads"), "class=\"whisker\"") == 3 * 3);
  CHECK(count(chart(page, "positions"), "class=\"on-beat\"") == 4 + 1);  // bars and legend
  CHECK(count(chart(page, "positions"), "class=\"off-beat\"") == 4 + 1);

  CHECK(page.find("Your top clean tempo today: 132 BPM.") != std::string::npos);
  CHECK(page.find("stopped before the end") != std::string::npos);
  // The pad table in words: the sine around each pad's lean averages out.
  CHECK(page.find("early by 6 ms on average") != std::string::npos);  // kick
  CHECK(page.find("late by 8 ms on average") != std::string::npos);   // snare
  CHECK(page.find("on the click on average") != std::string::npos);   // hi-hat
}

TEST_CASE("the page is self-contained", "[html_report]") {
  const std::string page = html_report(sample_report(50));
  CHECK(page.find("<script") == std::string::npos);
  CHECK(page.find("://") == std::string::npos);
  CHECK(page.find("src=") == std::string::npos);
  CHECK(page.find("href=") == std::string::npos);
  CHECK(page.find("url(") == std::string::npos);
  CHECK(page.find("Content-Security-Policy") != std::string::npos);
}

TEST_CASE("user text is escaped everywhere it appears", "[html_report]") {
  ReportData data = sample_report(30);
  data.note = "<script>alert(1)</script>";
  data.title = "<b>Session</b>";
  data.devices = R"(Scarlett "USB" & <MIDI>)";
  const std::string pad = R"(Snare "Ludwig" & co)";
  data.pads[1].pad = pad;
  for (ReportStroke& s : data.strokes)
    if (s.pad == "snare") s.pad = pad;
  data.positions[0].label = "<1>";

  const std::string page = html_report(data);
  CHECK(page.find("<script") == std::string::npos);
  CHECK(page.find("&lt;script&gt;alert(1)&lt;/script&gt;") != std::string::npos);
  CHECK(page.find("<b>") == std::string::npos);
  CHECK(page.find("&lt;b&gt;Session&lt;/b&gt;") != std::string::npos);
  CHECK(page.find(R"("USB")") == std::string::npos);
  CHECK(page.find("Scarlett &quot;USB&quot; &amp; &lt;MIDI&gt;") != std::string::npos);
  CHECK(page.find(pad) == std::string::npos);
  CHECK(count(page, "Snare &quot;Ludwig&quot; &amp; co") > 10);  // legend, tooltips, tables
  CHECK(page.find("<1>") == std::string::npos);
}

TEST_CASE("empty and broken numbers give a page without NaN or infinity", "[html_report]") {
  const std::regex not_a_number(R"(\b(nan|inf)\b)", std::regex::icase);
  const std::string empty = html_report(ReportData{});
  CHECK_FALSE(std::regex_search(empty, not_a_number));
  CHECK(count(empty, "<svg") == 4);
  CHECK(count(empty, "<circle") == 0);
  CHECK(empty.find("No strokes were recorded.") != std::string::npos);

  ReportData broken = sample_report(20);
  const double nan = std::numeric_limits<double>::quiet_NaN();
  const double inf = std::numeric_limits<double>::infinity();
  broken.timing.mean_offset_ms = nan;
  broken.timing.sd_offset_ms = inf;
  broken.pads[0].stats.mean_offset_ms = nan;
  broken.positions[0].stats.mean_offset_ms = -inf;
  broken.strokes[0].offset_ms = nan;
  broken.strokes[1].seconds = inf;
  broken.strokes[2].offset_ms = 1e12;  // must not ask for a histogram bin per 2 ms of it
  broken.steps[0].bpm = nan;
  const std::string broken_page = html_report(broken);
  CHECK_FALSE(std::regex_search(broken_page, not_a_number));
  CHECK(broken_page.size() < 100'000);

  ReportData only_steps;
  only_steps.steps = sample_report(8).steps;
  CHECK_FALSE(std::regex_search(html_report(only_steps), not_a_number));
}

TEST_CASE("a long session stays a sensible size", "[html_report]") {
  const std::string page = html_report(sample_report(5000));
  CHECK(count(page, "<circle") == 5000);
  CHECK(page.size() < 2'000'000);
}

TEST_CASE("the drill's goal shows once, under the verdict, and escaped", "[html_report]") {
  ReportData data = sample_report(40);
  CHECK(html_report(data).find("class=\"goal\"") == std::string::npos);

  data.goal = "goal: 160 BPM by 2027-03-01: <about> 2027-02-10 at a healthy pace";
  const std::string page = html_report(data);
  const std::string escaped = "goal: 160 BPM by 2027-03-01: &lt;about&gt; 2027-02-10";
  CHECK(count(page, escaped) == 1);
  CHECK(page.find("<about>") == std::string::npos);
  const auto verdict = test::find_required(page, "Your top clean tempo today: 132 BPM.");
  const auto goal = test::find_required(page, escaped);
  CHECK(goal > verdict);
  CHECK(goal < test::find_required(page, "<table class=\"ladder-table\">"));

  // Without a ladder there is no verdict: the goal sits under the summary line.
  data.steps.clear();
  const std::string plain = html_report(data);
  CHECK(count(plain, escaped) == 1);
  CHECK(test::find_required(plain, escaped) < test::find_required(plain, "</header>"));
}

TEST_CASE("the hands and dynamics sections draw each hand's timing and every loudness",
          "[html_report]") {
  ReportData data = sample_report(40);
  std::vector<TimedOffset> right, left;
  for (int i = 0; i < 20; ++i) {
    right.push_back({0.5 * i, i % 2 ? 1.0 : -1.0});
    left.push_back({0.5 * i + 0.25, i % 2 ? 7.0 : 3.0});
  }
  data.hands = {{Hand::right, timing_stats(right), {20, 100.0, 4.0}},
                {Hand::left, timing_stats(left), {20, 80.0, 8.0}}};
  data.dynamics = {"loudness: snare 90 ±12%"};
  Dynamics levels;
  levels.accents = {10, 118.0, 5.0};
  levels.normals = {20, 90.0, 6.0};
  levels.ghosts = {10, 40.0, 4.0};
  data.levels = levels;
  const std::string page = html_report(data);

  const std::string hands = chart(page, "hands");
  REQUIRE_FALSE(hands.empty());
  CHECK(count(hands, "class=\"whisker\"") == 2 * 3);
  CHECK(hands.find("<title>left: mean +5.0 ms, SD 2.1 ms, 20 hits</title>") != std::string::npos);

  const std::string velocity = chart(page, "velocity");
  REQUIRE_FALSE(velocity.empty());
  // Two hands and three kinds of stroke (the sample's pads carry no velocity).
  CHECK(count(velocity, "class=\"whisker\"") == 5 * 3);
  CHECK(velocity.find("<title>left hand: mean 80, SD 8.0, 20 strokes</title>") !=
        std::string::npos);
  CHECK(velocity.find(">118, spread 4%, 10 strokes<") != std::string::npos);
  CHECK(velocity.find(">40, spread 10%, 10 strokes<") != std::string::npos);
}
