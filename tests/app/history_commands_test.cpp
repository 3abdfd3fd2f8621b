// The history from the command line: scores kept with --save, reviewed, annotated, exported
// (and the MIDI export scored again), deleted; broken history files reported plainly.
#include <fstream>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "support/find_required.hpp"
#include "support/history_fixture.hpp"
#include "support/run_command.hpp"
#include "support/temp_dir.hpp"

using namespace pocket;
using Catch::Contains;

namespace {

using test::History;

const std::string kGroove = std::string(POCKET_SEEDS_DIR) + "/groove.mid";
const std::string kLate = std::string(POCKET_SEEDS_DIR) + "/late.mid";

}  // namespace

TEST_CASE("scores kept with --save show up in history, newest first", "[history]") {
  History h;
  REQUIRE(h.pocket({"score", kGroove, "--save"}).exit_code == 0);
  const auto saved = h.pocket({"score", kLate, "--save"});
  REQUIRE(saved.exit_code == 0);
  CHECK_THAT(saved.out, Contains("kept as session 2"));
  const auto history = h.pocket({"history"});
  REQUIRE(history.exit_code == 0);
  CHECK(test::find_required(history.out, "late by 15 ms") <
        test::find_required(history.out, "on the click"));
  CHECK_THAT(history.out, Contains("92 BPM") && Contains("96 BPM") && Contains("score"));
  CHECK_THAT(h.pocket({"history", "--drill", "ladder"}).out, Contains("no sessions"));
  CHECK_THAT(h.pocket({"history", "--limit", "1"}).out, !Contains("96 BPM"));
}

TEST_CASE("show, note and delete one session", "[history]") {
  History h;
  REQUIRE(h.pocket({"score", kGroove, "--save"}).exit_code == 0);
  REQUIRE(h.pocket({"note", "1", "<script>alert(1)</script> & a good day"}).exit_code == 0);
  const auto shown = h.pocket({"show", "1"});
  REQUIRE(shown.exit_code == 0);
  CHECK_THAT(shown.out, Contains("session 1: score") && Contains("kick") && Contains("hihat") &&
                            Contains("strokes scored        661") &&
                            Contains("<script>alert(1)</script> & a good day"));
  CHECK(h.pocket({"show", "7"}).exit_code == 2);
  CHECK_THAT(h.pocket({"show", "7"}).err, Contains("no session 7"));
  // Without --yes and without a terminal to ask on, nothing is deleted.
  CHECK(h.pocket({"delete", "1"}).exit_code == 2);
  CHECK(h.pocket({"show", "1"}).exit_code == 0);
  CHECK(h.pocket({"delete", "1", "--yes"}).exit_code == 0);
  CHECK(h.pocket({"show", "1"}).exit_code == 2);
}

TEST_CASE("exports: CSV and JSON carry every stroke, MIDI scores again the same",
          "[history][export]") {
  History h;
  REQUIRE(h.pocket({"score", kGroove, "--save"}).exit_code == 0);
  const auto original = nlohmann::json::parse(
      test::run_command(POCKET_BINARY, {"score", kGroove, "--json"}, h.dir.path()).out);

  const auto csv = h.pocket({"export", "1", "--format", "csv"});
  REQUIRE(csv.exit_code == 0);
  CHECK(std::count(csv.out.begin(), csv.out.end(), '\n') == 1 + 661);
  CHECK_THAT(csv.out, Contains("seconds,frame,bar,slot,pad,velocity,offset_ms"));

  const auto json =
      h.pocket({"export", "1", "--format", "json", "--out", (h.dir / "take.json").string()});
  REQUIRE(json.exit_code == 0);
  const auto exported = nlohmann::json::parse(test::read_text(h.dir / "take.json"));
  CHECK(exported["strokes"].size() == 661);
  CHECK(exported["session"]["drill"] == "score");
  CHECK(exported["summary"]["hits"] == 661);

  const auto mid =
      h.pocket({"export", "1", "--format", "mid", "--out", (h.dir / "take.mid").string()});
  REQUIRE(mid.exit_code == 0);
  const auto again = test::run_command(
      POCKET_BINARY, {"score", (h.dir / "take.mid").string(), "--json"}, h.dir.path());
  REQUIRE(again.exit_code == 0);
  const auto rescored = nlohmann::json::parse(again.out);
  for (const char* key : {"hits", "missed", "extra"}) CHECK(rescored[key] == original[key]);
  for (const char* key : {"mean_offset_ms", "sd_offset_ms", "median_abs_offset_ms"}) {
    INFO(key);
    CHECK(rescored[key].get<double>() == Approx(original[key].get<double>()).margin(0.05));
  }
  CHECK(rescored["within_25ms"] == original["within_25ms"]);
  CHECK(rescored["pads"]["kick"]["hits"] == original["pads"]["kick"]["hits"]);
}

TEST_CASE("a broken history file is reported plainly and left alone", "[history]") {
  test::TempDir dir;
  const auto text = dir / "history.sqlite";
  std::ofstream(text) << "not a database";
  auto result = test::run_command(POCKET_BINARY, {"history", "--db", text.string()}, dir.path());
  CHECK(result.exit_code == 4);  // the history's own exit code
  CHECK_THAT(result.err,
             Contains("cannot use") && Contains("history.sqlite") && Contains("not a database"));
  CHECK(test::read_text(text) == "not a database");
}

TEST_CASE("POCKET_DB chooses the history", "[history]") {
  test::TempDir dir;
  const auto db = dir / "from-env.sqlite";
  setenv("POCKET_DB", db.c_str(), 1);
  const auto result = test::run_command(POCKET_BINARY, {"score", kGroove, "--save"}, dir.path());
  unsetenv("POCKET_DB");
  CHECK(result.exit_code == 0);
  CHECK(std::filesystem::exists(db));
}

TEST_CASE("report writes a self-contained page with the note as text", "[history][report]") {
  History h;
  REQUIRE(h.pocket({"score", kGroove, "--save"}).exit_code == 0);
  REQUIRE(h.pocket({"note", "1", "<script>alert(1)</script>"}).exit_code == 0);
  const auto page = h.dir / "session.html";
  const auto result = h.pocket({"report", "1", "--out", page.string()});
  INFO(result.err);
  REQUIRE(result.exit_code == 0);
  const std::string html = test::read_text(page);
  CHECK_THAT(html, Contains("&lt;script&gt;alert(1)&lt;/script&gt;") && !Contains("<script"));
  std::size_t circles = 0;
  for (std::size_t at = html.find("<circle"); at != std::string::npos;
       at = html.find("<circle", at + 1))
    ++circles;
  CHECK(circles == 661);
  CHECK_THAT(html, Contains("kick") && Contains("snare") && Contains("hihat"));
}

TEST_CASE("progress shows the consolidated tempo and a capped next step", "[history][progress]") {
  History h;
  // A session at 100 BPM that holds the rule, then one at 92 BPM (late but within it too).
  REQUIRE(h.pocket({"score", std::string(POCKET_SEEDS_DIR) + "/steady.mid", "--save"}).exit_code ==
          0);
  REQUIRE(h.pocket({"score", kLate, "--save"}).exit_code == 0);
  const auto page = h.dir / "progress.html";
  const auto result = h.pocket({"progress", "--html", page.string()});
  INFO(result.out);
  REQUIRE(result.exit_code == 0);
  // Both held their tempo: the consolidated tempo is the highest held in the recent window.
  CHECK_THAT(result.out, Contains("score: 2 sessions") && Contains("consolidated 100 BPM"));
  // The healthy pace: start a little below 100, at most 5 % above it.
  CHECK_THAT(result.out, Contains("start around 97 BPM") && Contains("no higher than 105 BPM"));
  CHECK_THAT(test::read_text(page), Contains("<svg") && Contains("score"));
}
