// Drills, goals and progress per drill from the command line, on a history the test builds.
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "core/goal_projection.hpp"
#include "presets/drill_file.hpp"
#include "store/session_store.hpp"
#include "support/find_required.hpp"
#include "support/history_fixture.hpp"
#include "support/scoped_env.hpp"
#include "support/stored_history.hpp"
#include "support/test_song.hpp"

using namespace pocket;
using Catch::Contains;

namespace {

using test::History;

void ladder(const History& h, const std::string& drill, const std::string& date, double held) {
  SessionStore store(h.db);
  test::store_ladder(store, drill, date, held);
}

void fixed(const History& h, const std::string& drill, const std::string& date, double bpm,
           double share, double sd) {
  SessionStore store(h.db);
  test::store_fixed(store, drill, date, bpm, share, sd);
}

}  // namespace

TEST_CASE("drills lists every drill with the consolidated tempo from the history", "[drills]") {
  History h;
  ladder(h, "paradiddles", "2026-10-01", 84.0);  // more than 28 days before the newest: out
  ladder(h, "paradiddles", "2026-10-20", 90.0);
  ladder(h, "paradiddles", "2026-11-01", 88.0);
  const auto result = h.pocket({"drills"});
  INFO(result.out << result.err);
  REQUIRE(result.exit_code == 0);
  CHECK_THAT(result.out, Contains("paradiddles") && Contains("ladder 70-110, up") &&
                             Contains("90 BPM") && Contains("Paradiddles"));
  CHECK_THAT(result.out, Contains("odd-cycle") && Contains("7/8,4/4"));
  CHECK_THAT(result.out, Contains("slow-control") && Contains("ladder 60-40, down"));
  // One line per drill (and the header and the hint).
  CHECK(std::count(result.out.begin(), result.out.end(), '\n') >= 14 + 3);
}

namespace {

// The stems of the .toml files in the build tree's presets/`kind`, and `own`, sorted.
std::vector<std::string> names_of(const std::string& kind, const std::string& own) {
  std::vector<std::string> names{own};
  for (const auto& entry : std::filesystem::directory_iterator(
           std::filesystem::path(POCKET_BUILD_DIR) / "presets" / kind))
    if (entry.path().extension() == ".toml") names.push_back(entry.path().stem().string());
  std::sort(names.begin(), names.end());
  return names;
}

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

}  // namespace

TEST_CASE("drills and kits give their names alone with --names", "[drills][kits]") {
  History h;
  const test::ScopedEnv config("XDG_CONFIG_HOME", (h.dir / "config").string());
  const auto own = h.dir / "config" / "pocket";
  std::filesystem::create_directories(own / "drills");
  std::filesystem::create_directories(own / "kits");
  std::ofstream(own / "drills" / "my-groove.toml") << "[tempo]\nbpm = 80\n";
  // The player's paradiddles shadow the shipped ones: one name, not two.
  std::ofstream(own / "drills" / "paradiddles.toml") << "[tempo]\nbpm = 66\n";
  std::ofstream(own / "kits" / "my-kit.toml") << "base = \"roland\"\n";

  const auto drills = h.pocket({"drills", "--names"});
  INFO(drills.out << drills.err);
  CHECK(drills.exit_code == 0);
  const std::vector<std::string> drill_names = names_of("drills", "my-groove");
  CHECK(drill_names.size() >= 15);
  CHECK(lines_of(drills.out) == drill_names);

  const auto kits = test::run_command(POCKET_BINARY, {"kits", "--names"}, h.dir.path());
  INFO(kits.out << kits.err);
  CHECK(kits.exit_code == 0);
  const std::vector<std::string> kit_names = names_of("kits", "my-kit");
  CHECK(kit_names.size() >= 5);
  CHECK(lines_of(kits.out) == kit_names);

  // Both say so in their help.
  CHECK_THAT(h.pocket({"drills", "--help"}).out, Contains("--names"));
  CHECK_THAT(test::run_command(POCKET_BINARY, {"kits", "--help"}, h.dir.path()).out,
             Contains("--names"));
}

TEST_CASE("history and progress keep drills apart", "[drills][progress]") {
  History h;
  ladder(h, "paradiddles", "2026-10-20", 90.0);
  ladder(h, "paradiddles", "2026-11-01", 94.0);
  fixed(h, "rock-groove", "2026-10-25", 100.0, 0.95, 8.0);  // held
  fixed(h, "rock-groove", "2026-11-02", 110.0, 0.70, 8.0);  // not held: too few within 25 ms
  const auto history = h.pocket({"history", "--drill", "rock-groove"});
  CHECK_THAT(history.out, Contains("rock-groove") && !Contains("paradiddles"));

  const auto page = h.dir / "progress.html";
  const auto progress = h.pocket({"progress", "--today", "2026-11-03", "--html", page.string()});
  INFO(progress.out << progress.err);
  REQUIRE(progress.exit_code == 0);
  CHECK_THAT(progress.out, Contains("rock-groove: 2 sessions from 2026-10-25 to 2026-11-02") &&
                               Contains("consolidated 100 BPM"));
  CHECK_THAT(progress.out, Contains("paradiddles: 2 sessions from 2026-10-20 to 2026-11-01") &&
                               Contains("consolidated 94 BPM"));
  // The newest drill first.
  CHECK(test::find_required(progress.out, "rock-groove:") <
        test::find_required(progress.out, "paradiddles:"));
  const std::string html = test::read_text(page);
  CHECK_THAT(html, Contains("rock-groove") && Contains("paradiddles") && Contains("<svg"));

  const auto only = h.pocket({"progress", "--drill", "paradiddles", "--today", "2026-11-03"});
  CHECK_THAT(only.out, Contains("paradiddles:") && !Contains("rock-groove"));
}

TEST_CASE("progress of a song shows the speed held on it over the sessions whatever the drill",
          "[progress][backing]") {
  History h;
  const auto song = h.dir / "song.wav";
  const auto other = h.dir / "other.wav";
  test::TestSong made;
  made.seconds = 2.0;
  made.onsets = {0.5};
  test::write_test_song(song, made);
  made.onsets = {0.7};
  test::write_test_song(other, made);
  const auto played_along = [&](const std::filesystem::path& file, double song_bpm) {
    return nlohmann::json{{"song",
                           {{"file", file.filename().string()},
                            {"fingerprint", file_fingerprint(file)},
                            {"speed", 0.7},
                            {"bpm", song_bpm}}}}
        .dump();
  };
  {
    SessionStore store(h.db);
    // 70, 75 and 80 % of the song's 120 BPM, on two drills; the other song and a drill without a
    // song are not its sessions.
    test::store_ladder(store, "ladder", "2026-11-10", 84.0, played_along(song, 120.0));
    test::store_ladder(store, "ladder", "2026-11-17", 90.0, played_along(song, 120.0));
    test::store_ladder(store, "ladder", "2026-11-24", 150.0, played_along(other, 160.0));
    test::store_ladder(store, "play", "2026-11-30", 96.0, played_along(song, 120.0));
    test::store_ladder(store, "ladder", "2026-12-01", 200.0);
  }
  const auto result = h.pocket({"progress", "--song", song.string()});
  INFO(result.out << result.err);
  REQUIRE(result.exit_code == 0);
  CHECK_THAT(result.out, Contains("song.wav: 3 sessions from 2026-11-10 to 2026-11-30"));
  CHECK_THAT(result.out, Contains("solid at 80 % of its tempo"));
  CHECK_THAT(result.out, Contains("start around 77.6 % and go no higher than 84 % (5% above 80 %, "
                                  "the speed you hold)"));
  CHECK_THAT(result.out, !Contains("other.wav") && !Contains("150"));

  // The same on a page: the speed in percent over the dates, never a tempo in BPM.
  const auto page = h.dir / "song.html";
  const auto charted = h.pocket(
      {"progress", "--song", song.string(), "--html", page.string(), "--today", "2026-12-01"});
  INFO(charted.err);
  REQUIRE(charted.exit_code == 0);
  CHECK_THAT(charted.out, Contains("solid at 80 % of its tempo") && Contains("wrote"));
  const std::string html = test::read_text(page);
  CHECK_THAT(html, Contains("<h2>song.wav</h2>") && Contains("1 song · 3 sessions") &&
                       Contains("<h3>Speed held</h3>") &&
                       Contains("speed held (% of the song&#39;s tempo)") &&
                       Contains("Consolidated speed now") && Contains(">80 %<") &&
                       Contains("go no higher than 84 %"));
  CHECK_THAT(html, !Contains("BPM") && !Contains("tempo held", Catch::CaseSensitive::No) &&
                       !Contains("Each drill") && !Contains("other.wav"));
  const auto with_drill = h.pocket({"progress", "--song", song.string(), "--drill", "ladder"});
  CHECK(with_drill.exit_code != 0);
  CHECK_THAT(with_drill.err, Contains("--drill"));

  const auto unplayed = h.pocket({"progress", "--song", (h.dir / "none.wav").string()});
  CHECK(unplayed.exit_code != 0);
  CHECK_THAT(unplayed.err, Contains("none.wav") && Contains("no such file"));
  made.onsets = {0.9};  // bytes of its own: a song never played along with
  test::write_test_song(h.dir / "new.wav", made);
  const auto fresh = h.pocket({"progress", "--song", (h.dir / "new.wav").string()});
  CHECK_THAT(fresh.out, Contains("no sessions with strokes on new.wav yet"));
}

TEST_CASE("goals: set, projected at the player's own rate, listed and cleared", "[goals]") {
  History h;
  // A steady climb of about 2.5 BPM a week on paradiddles.
  const std::vector<std::pair<std::string, double>> sessions = {
      {"2026-10-01", 80.0}, {"2026-10-08", 83.0}, {"2026-10-15", 85.0},
      {"2026-10-22", 88.0}, {"2026-10-29", 90.0}, {"2026-11-05", 92.0}};
  std::vector<HeldTempo> held;
  for (const auto& [date, bpm] : sessions) {
    ladder(h, "paradiddles", date, bpm);
    held.push_back({*parse_date(date), bpm});
  }
  const auto today = *parse_date("2026-11-06");

  auto set = h.pocket(
      {"goal", "paradiddles", "--bpm", "110", "--by", "2027-03-01", "--today", "2026-11-06"});
  INFO(set.out << set.err);
  REQUIRE(set.exit_code == 0);
  const GoalProjection expected =
      project_goal(held, Goal{110.0, parse_date("2027-03-01")}, today, 5.0);
  CHECK(expected.kind == ProjectionKind::on_track);
  CHECK_THAT(set.out, Contains("paradiddles: 110 BPM by 2027-03-01") &&
                          Contains("consolidated now  92 BPM") && Contains(expected.message));

  // A date the player's own rate does not reach: the rise it takes, beside the best so far.
  auto hurried = h.pocket(
      {"goal", "paradiddles", "--bpm", "150", "--by", "2026-11-10", "--today", "2026-11-06"});
  REQUIRE(hurried.exit_code == 0);
  const GoalProjection too_fast =
      project_goal(held, Goal{150.0, parse_date("2026-11-10")}, today, 5.0);
  CHECK(too_fast.kind == ProjectionKind::after_the_date);
  CHECK_THAT(too_fast.message, Contains("150 BPM by 2026-11-10 needs +101.5 BPM a week; your best "
                                        "eight weeks rose +2.6 a week."));
  CHECK_THAT(hurried.out, Contains(too_fast.message));

  // Too little history on another drill: it says so instead of projecting.
  ladder(h, "shuffle", "2026-11-05", 90.0);
  REQUIRE(h.pocket({"goal", "shuffle", "--bpm", "100"}).exit_code == 0);
  const auto goals = h.pocket({"goals", "--today", "2026-11-06"});
  INFO(goals.out);
  CHECK_THAT(goals.out,
             Contains("paradiddles: 150 BPM by 2026-11-10") && Contains("shuffle: 100 BPM"));
  CHECK_THAT(goals.out,
             Contains(project_goal(std::vector<HeldTempo>{{today - std::chrono::days(1), 90.0}},
                                   Goal{100.0, std::nullopt}, today, 5.0)
                          .message));

  // The goal shows in the session report and in the drills table.
  const auto page = h.dir / "session.html";
  REQUIRE(h.pocket({"report", "1", "--out", page.string()}).exit_code == 0);
  CHECK_THAT(test::read_text(page), Contains("Your goal on paradiddles: 150 BPM by 2026-11-10"));
  CHECK_THAT(h.pocket({"drills"}).out, Contains("150 BPM"));

  CHECK_THAT(h.pocket({"goal", "paradiddles", "--clear"}).out, Contains("cleared"));
  CHECK_THAT(h.pocket({"goals"}).out, Contains("shuffle") && !Contains("paradiddles"));
  const auto unknown = h.pocket({"goal", "cowbell-solo", "--bpm", "120"});
  CHECK(unknown.exit_code == 2);
  CHECK_THAT(unknown.err, Contains("there is no drill 'cowbell-solo'"));
  CHECK(h.pocket({"goal", "paradiddles", "--bpm", "500"}).exit_code == 2);
  CHECK(h.pocket({"goal", "paradiddles", "--bpm", "120", "--by", "2027-02-30"}).exit_code == 2);
  const auto past = h.pocket(
      {"goal", "paradiddles", "--bpm", "120", "--by", "2026-11-01", "--today", "2026-11-06"});
  CHECK(past.exit_code == 2);
  CHECK_THAT(past.err, Contains("is not ahead of today (2026-11-06)"));
}
