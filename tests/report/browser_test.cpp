// Renders a session report and a progress page in Debian's headless Chromium: the pages must
// draw and their user text must stay text. Labelled "browser"; scripts/install-deps installs
// chromium.
#include <cmath>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "html_text.hpp"
#include "report/html_report.hpp"
#include "report/progress_view.hpp"
#include "support/run_command.hpp"
#include "support/temp_dir.hpp"

using namespace pocket;
using namespace pocket::test;

namespace {

const std::string kChromium = "/usr/bin/chromium";
constexpr std::size_t kStrokes = 240;

// "2026-10-03" for day 3 of October 2026 (days past the 31st are not asked for).
std::string fmt_date(int october_day) {
  std::string day = std::to_string(october_day);
  return "2026-10-" + (day.size() == 1 ? "0" + day : day);
}

ReportData sample_report() {
  ReportData data;
  data.title = "Session 7";
  data.started_at = "2024-05-01T18:30:00Z";
  data.drill = "play";
  data.tempo = "120 BPM";
  data.status = "finished";
  data.note = "<script>alert(1)</script>";
  data.devices = R"(Scarlett "USB" & TD-17)";
  const std::vector<std::string> pads = {"kick", "snare", "hi-hat"};
  std::vector<TimedOffset> all;
  std::vector<std::vector<TimedOffset>> by_pad(pads.size());
  for (std::size_t i = 0; i < kStrokes; ++i) {
    const double seconds = 0.25 * static_cast<double>(i);
    const double offset = 4.0 + 10.0 * std::sin(static_cast<double>(i));
    data.strokes.push_back(
        {seconds, pads[i % pads.size()], offset, i % 2 ? "1&" : "1", i % 2 == 0});
    all.push_back({seconds, offset});
    by_pad[i % pads.size()].push_back({seconds, offset});
  }
  data.timing = timing_stats(all);
  for (std::size_t p = 0; p < pads.size(); ++p)
    data.pads.push_back({pads[p], timing_stats(by_pad[p])});
  data.positions = {{0, "1", true, timing_stats(all)}, {1, "1&", false, timing_stats(all)}};
  return data;
}

std::filesystem::path write_report(const test::TempDir& dir) {
  const auto path = dir / "report.html";
  std::ofstream(path) << html_report(sample_report());
  return path;
}

// Two drills: a `play` at one tempo with a session that held none, and a ladder with a goal.
std::vector<DrillProgress> sample_progress() {
  DrillProgress play;
  play.drill = "<script>alert(1)</script>";
  play.points = {
      {"2026-10-05", 100.0, 21.0}, {"2026-10-12", std::nullopt, 24.5}, {"2026-10-19", 100.0, 19.0}};
  play.consolidated_bpm = 100.0;
  play.today = "2026-11-05";
  play.suggestion = "Next session: start around 96 BPM.";
  DrillProgress ladder;
  ladder.drill = "ladder";
  for (int i = 0; i < 10; ++i) {
    ladder.points.push_back({fmt_date(3 + 3 * i), 120.0 + 1.5 * i, 18.0 - 0.3 * i});
  }
  ladder.consolidated_bpm = 133.5;
  ladder.goal_bpm = 160.0;
  ladder.goal_by = "2027-03-01";
  ladder.goal_text =
      "Your held tempo is rising about 1.5 BPM a week over the last 8 weeks: at that rate you "
      "would reach 160 BPM around 2027-03-01.";
  ladder.today = "2026-11-05";
  ladder.suggestion = "Next session: start around 130 BPM.";
  return {play, ladder};
}

std::filesystem::path write_progress(const test::TempDir& dir) {
  const auto path = dir / "progress.html";
  std::ofstream(path) << progress_html(sample_progress());
  return path;
}

// Chromium headless with a fresh profile and nothing phoning home; `timeout` keeps a hung
// browser from hanging the suite. Chromium talks about dbus on stderr: that is ignored.
test::CommandResult run_chromium(const test::TempDir& scratch, std::vector<std::string> args) {
  const test::TempDir profile;
  std::vector<std::string> line = {"120",
                                   kChromium,
                                   "--headless",
                                   "--no-sandbox",
                                   "--disable-gpu",
                                   "--disable-quic",
                                   "--no-first-run",
                                   "--disable-background-networking",
                                   "--disable-component-update",
                                   "--disable-sync",
                                   "--user-data-dir=" + profile.path().string()};
  line.insert(line.end(), args.begin(), args.end());
  return test::run_command("timeout", line, scratch.path());
}

std::uint32_t big_endian(const std::string& bytes, std::size_t at) {
  std::uint32_t value = 0;
  for (std::size_t i = 0; i < 4; ++i)
    value = value << 8 | static_cast<unsigned char>(bytes[at + i]);
  return value;
}

// A real PNG of the window's size, with something drawn in it.
void check_png(const std::filesystem::path& shot, unsigned width, unsigned height) {
  CHECK(std::filesystem::file_size(shot) > 30'000);
  std::ifstream in(shot, std::ios::binary);
  std::string header(24, '\0');
  REQUIRE(in.read(header.data(), static_cast<std::streamsize>(header.size())));
  REQUIRE(header.substr(1, 3) == "PNG");
  CHECK(big_endian(header, 16) == width);   // IHDR width
  CHECK(big_endian(header, 20) == height);  // IHDR height
}

}  // namespace

TEST_CASE("chromium takes a full-size screenshot of the report", "[browser]") {
  INFO("install chromium with scripts/install-deps");
  REQUIRE(std::filesystem::exists(kChromium));
  const test::TempDir dir;
  const auto page = write_report(dir);
  const auto shot = dir / "shot.png";

  const test::CommandResult result = run_chromium(
      dir, {"--screenshot=" + shot.string(), "--window-size=1200,2400", "file://" + page.string()});
  INFO(result.err);
  CHECK(result.exit_code == 0);
  REQUIRE(std::filesystem::exists(shot));
  check_png(shot, 1200, 2400);
}

TEST_CASE("chromium's DOM has the charts, and the note only as text", "[browser]") {
  INFO("install chromium with scripts/install-deps");
  REQUIRE(std::filesystem::exists(kChromium));
  const test::TempDir dir;
  const auto page = write_report(dir);

  const test::CommandResult result = run_chromium(dir, {"--dump-dom", "file://" + page.string()});
  INFO(result.err);
  CHECK(result.exit_code == 0);
  const std::string& dom = result.out;
  CHECK(count(dom, "<svg") == 4);
  CHECK(count(dom, "<circle") == kStrokes);
  CHECK(dom.find("&lt;script&gt;alert(1)&lt;/script&gt;") != std::string::npos);
  CHECK(dom.find("<script") == std::string::npos);
}

TEST_CASE("chromium draws a progress page with two drills", "[browser]") {
  INFO("install chromium with scripts/install-deps");
  REQUIRE(std::filesystem::exists(kChromium));
  const test::TempDir dir;
  const auto page = write_progress(dir);
  const auto shot = dir / "progress.png";

  const test::CommandResult result = run_chromium(
      dir, {"--screenshot=" + shot.string(), "--window-size=1200,1800", "file://" + page.string()});
  INFO(result.err);
  CHECK(result.exit_code == 0);
  REQUIRE(std::filesystem::exists(shot));
  check_png(shot, 1200, 1800);
}

TEST_CASE("chromium's DOM has a section and two charts per drill, and names only as text",
          "[browser]") {
  INFO("install chromium with scripts/install-deps");
  REQUIRE(std::filesystem::exists(kChromium));
  const test::TempDir dir;
  const auto page = write_progress(dir);

  const test::CommandResult result = run_chromium(dir, {"--dump-dom", "file://" + page.string()});
  INFO(result.err);
  CHECK(result.exit_code == 0);
  const std::string& dom = result.out;
  CHECK(count(dom, "<section class=\"drill\"") == 2);
  CHECK(count(dom, "<svg") == 4);
  CHECK(count(dom, "<path class=\"held-line\"") == 2);
  CHECK(count(dom, "<path class=\"pace-band\"") == 2);
  CHECK(count(dom, "<line class=\"goal\"") == 2);  // the line and its legend
  CHECK(count(dom, ">goal 160 BPM by Mar 1 2027<") == 1);
  CHECK(dom.find("&lt;script&gt;alert(1)&lt;/script&gt;") != std::string::npos);
  CHECK(dom.find("<script") == std::string::npos);
}

TEST_CASE("chromium draws the swing, hands and dynamics sections of a report", "[browser]") {
  INFO("install chromium with scripts/install-deps");
  REQUIRE(std::filesystem::exists(kChromium));
  ReportData data = sample_report();
  data.swing = "swing: you swung 61 % on 8ths over 120 pairs, the drill asks 58 %";
  data.feel = {"snare meant 10 ms behind the beat, sat 2.1 ms later than that, 78% within 10 ms"};
  std::vector<TimedOffset> right, left;
  for (int i = 0; i < 40; ++i) {
    right.push_back({0.25 * i, std::sin(i)});
    left.push_back({0.25 * i, 5.0 + std::sin(i)});
  }
  data.hands = {{Hand::right, timing_stats(right), {40, 100.0, 4.0}},
                {Hand::left, timing_stats(left), {40, 80.0, 6.0}}};
  data.hands_summary = "the left hand sits 5.0 ms behind the right and plays 20 % softer";
  data.dynamics = {"loudness: snare 90 ±12%", "doubles: the second stroke at 96% of the first"};
  Dynamics levels;
  levels.accents = {10, 118.0, 5.0};
  levels.normals = {20, 90.0, 6.0};
  levels.ghosts = {10, 40.0, 4.0};
  data.levels = levels;
  const test::TempDir dir;
  const auto page = dir / "hands.html";
  std::ofstream(page) << html_report(data);

  const test::CommandResult dom = run_chromium(dir, {"--dump-dom", "file://" + page.string()});
  CHECK(dom.exit_code == 0);
  CHECK(count(dom.out, "<section class=\"feel\"") == 1);
  CHECK(count(dom.out, "<section class=\"hands\"") == 1);
  CHECK(count(dom.out, "<section class=\"dynamics\"") == 1);
  CHECK(count(dom.out, ">the left hand sits 5.0 ms behind the right and plays 20 % softer<") == 1);
  CHECK(count(dom.out, "<td>left</td>") == 1);
  // Each section's chart: the hands' offsets, and every loudness (hands and kinds of stroke).
  CHECK(count(dom.out, "<svg class=\"chart hands\"") == 1);
  CHECK(count(dom.out, "<svg class=\"chart velocity\"") == 1);
  CHECK(count(dom.out, "<title>ghost notes: mean 40, SD 4.0, 10 strokes</title>") == 1);

  const auto shot = dir / "hands.png";
  const test::CommandResult result = run_chromium(
      dir, {"--screenshot=" + shot.string(), "--window-size=1200,3200", "file://" + page.string()});
  INFO(result.err);
  CHECK(result.exit_code == 0);
  REQUIRE(std::filesystem::exists(shot));
  check_png(shot, 1200, 3200);
}
