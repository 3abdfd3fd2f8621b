// A history that fills up in the middle of a session: the session goes on, every stroke goes
// to a recovery file, and `pocket import` brings the whole session back, once.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "live_rig.hpp"

using namespace pocket::test;
using Catch::Contains;

namespace {

std::string quoted(const std::string& s) {
  std::string q = "'";
  for (char c : s) q += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return q + "'";
}

// The path after "is kept in " on its line.
std::string recovery_path(const std::string& err) {
  const std::string mark = "is kept in ";
  const auto at = err.find(mark);
  if (at == std::string::npos) return "";
  const auto start = at + mark.size();
  return err.substr(start, err.find('\n', start) - start);
}

}  // namespace

TEST_CASE("a history that fills up mid-session loses no stroke", "[jack][store][recovery]") {
  LiveRig rig;
  // The history exists before the session; then a size limit on pocket's files (in blocks of
  // 512 bytes, as sh counts them) lets the session begin and its first bars in, until the
  // write-ahead log outgrows it a few bars on: a disk that fills up while the player plays.
  REQUIRE(run_command(POCKET_BINARY, {"history"}, rig.dir().path()).exit_code == 0);
  std::string line = "ulimit -f 80; exec " + quoted(POCKET_BINARY);
  for (const std::string& arg :
       rig.pocket_args({"play", "--bpm", "160", "--bars", "12", "--calibration-ms", "0"}))
    line += " " + quoted(arg);
  DrummerOptions drummer;
  drummer.jitter_ms = 3.0;
  drummer.notes = "36,42,38,42";
  CommandResult result;
  const auto played = rig.with_drummer(drummer, [&] {
    result = run_command("/bin/sh", {"-c", line}, rig.dir().path());
  });
  INFO(result.err);
  // The session ran to its end with its summary: a failed write is not the end of pocket.
  REQUIRE(result.exit_code == 0);
  const nlohmann::json played_json = nlohmann::json::parse(result.out);
  const nlohmann::json& strokes = played_json["strokes"];
  REQUIRE(strokes.size() >= 40);
  // Said before the click: the history had too little room for a session without an end.
  const auto warned = result.err.find("the history has room for less than a minute of playing");
  CHECK(warned != std::string::npos);
  CHECK(warned < result.err.find("bar   1"));
  CHECK_THAT(result.err, Contains("could not take this session"));
  CHECK_THAT(result.err, !Contains("kept as session"));

  const std::string file = recovery_path(result.err);
  REQUIRE_FALSE(file.empty());
  CHECK_THAT(result.err, Contains("pocket import " + file));
  CHECK(std::filesystem::path(file).parent_path() == rig.dir().path());
  const nlohmann::json kept = nlohmann::json::parse(read_text(file));
  // Every stroke the drummer played in the session's bars is in the recovery file, on its slot
  // at the drummer's own offset plus the loop, to the frame.
  LiveRig::KeptRange range;
  range.beat_frames = 18000;  // 160 BPM
  range.first_click = LiveRig::first_click_of(played, range.beat_frames);
  range.last_bar = played_json["last_bar"].get<long>();
  range.loop = 128 - std::lround(played_json["audio"]["output_latency_ms"].get<double>() * 48.0);
  const auto check =
      LiveRig::check_kept(played, kept["strokes"], range, rig.disturbances(played_json));
  INFO(check.checked << " strokes checked, " << check.disturbed << " next to a late cycle left "
                     << "out; missing: " << Catch::Detail::stringify(check.missing)
                     << "; moved: " << Catch::Detail::stringify(check.moved));
  CHECK(check.missing.empty());
  CHECK(check.moved.empty());
  CHECK(check.checked * 2 >= static_cast<std::size_t>(4 * (range.last_bar + 1)));
  // And it holds what the session scored, stroke for stroke.
  REQUIRE(kept["strokes"].size() == strokes.size());
  for (std::size_t i = 0; i < strokes.size(); ++i) {
    INFO("stroke " << i);
    CHECK(kept["strokes"][i]["seconds"].get<double>() ==
          Approx(strokes[i]["seconds"].get<double>()).margin(1e-6));
    CHECK(kept["strokes"][i]["pad"] == strokes[i]["pad"]);
    CHECK(kept["strokes"][i]["slot"] == strokes[i]["slot"]);
    CHECK(kept["strokes"][i]["offset_ms"].get<double>() ==
          Approx(strokes[i]["offset_ms"].get<double>()).margin(0.01));
    CHECK(kept["strokes"][i]["matched"] == strokes[i]["matched"]);
    CHECK(kept["strokes"][i]["click_heard"] == strokes[i]["click_heard"]);
  }

  // The history holds the part it took before it filled up: unfinished, fewer strokes.
  const auto partial =
      run_command(POCKET_BINARY, {"export", "1", "--format", "json"}, rig.dir().path());
  REQUIRE(partial.exit_code == 0);
  const nlohmann::json before = nlohmann::json::parse(partial.out);
  CHECK(before["session"]["status"] == "unfinished");
  INFO("the history took " << before["strokes"].size() << " strokes");
  CHECK(before["strokes"].size() > 0);  // the limit was reached mid-session, not at its start
  CHECK(before["strokes"].size() < strokes.size());

  // With room again, the import puts the whole session in the partial one's place.
  const auto imported = run_command(POCKET_BINARY, {"import", file}, rig.dir().path());
  INFO(imported.err);
  REQUIRE(imported.exit_code == 0);
  CHECK_THAT(imported.out, Contains("as session 2") && Contains("replaces session 1"));
  const auto exported =
      run_command(POCKET_BINARY, {"export", "2", "--format", "json"}, rig.dir().path());
  REQUIRE(exported.exit_code == 0);
  const nlohmann::json after = nlohmann::json::parse(exported.out);
  CHECK(after["strokes"].size() == strokes.size());
  CHECK(after["session"]["status"] == "finished");
  CHECK(after["summary"]["hits"] == played_json["hits"]);
  CHECK(run_command(POCKET_BINARY, {"show", "1"}, rig.dir().path()).exit_code == 2);

  const auto again = run_command(POCKET_BINARY, {"import", file}, rig.dir().path());
  CHECK(again.exit_code == 1);
  CHECK_THAT(again.err, Contains("already in the history as session 2"));
}
