// pocket score --groove on real recordings of the shipped grooves' drummers: every expected
// note's count of bars and misses agrees with an independent reading of both MIDI files
// (tests/tools/groove_notes.py, the standard library's bytes and a few lines of arithmetic).
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "support/run_command.hpp"
#include "support/temp_dir.hpp"

using namespace pocket;

namespace {

const std::filesystem::path kSource = POCKET_SOURCE_DIR;
// The Roland map's notes for the pads these grooves play (presets/kits/roland.toml).
const char* const kRolandNotes =
    "36:kick,38:snare,40:snare,37:snare,42:hihat,22:hihat,46:hihat,26:hihat,44:hihat,"
    "51:ride,59:ride,53:ride,49:crash,55:crash,48:tom1,50:tom1,45:tom2,47:tom2,43:tom3,58:tom3";

nlohmann::json run_json(const std::string& program, const std::vector<std::string>& args) {
  const test::TempDir dir;
  const auto result = test::run_command(program, args, dir.path());
  INFO(program << ": " << result.err);
  REQUIRE(result.exit_code == 0);
  return nlohmann::json::parse(result.out);
}

}  // namespace

TEST_CASE("score --groove reports every expected note as an independent reading of the files does",
          "[score][groove]") {
  const auto [groove, recording] = GENERATE(
      table<std::string, std::string>({{"hiphop-90", "drummer8_session1_3_hiphop_90_beat_4-4.mid"},
                                       {"rock-105", "drummer3_session1_1_rock_105_beat_4-4.mid"}}));
  const std::string groove_file = (kSource / "presets/grooves" / (groove + ".mid")).string();
  const std::string recorded = (kSource / "tests/data/gmd" / recording).string();
  INFO(groove);
  const nlohmann::json pocket = run_json(POCKET_BINARY, {"score", recorded, "--groove", groove_file,
                                                         "--drum-map", "roland", "--json"});
  const nlohmann::json independent = run_json(
      "python3",
      {(kSource / "tests/tools/groove_notes.py").string(), groove_file, recorded, kRolandNotes});

  REQUIRE(pocket["pattern"]["notes"].size() == independent.size());
  std::int64_t missed = 0;
  for (const auto& note : pocket["pattern"]["notes"]) {
    const std::string key =
        note["pad"].get<std::string>() + " " + note["position"].get<std::string>();
    INFO(key);
    REQUIRE(independent.contains(key));
    CHECK(note["due"] == independent[key]["due"]);
    CHECK(note["missed"] == independent[key]["missed"]);
    CHECK(note["hit"].get<std::int64_t>() + note["missed"].get<std::int64_t>() == note["due"]);
    missed += note["missed"].get<std::int64_t>();
  }
  // The summary's misses are the notes' misses, and the report names the most missed first.
  CHECK(pocket["missed"] == missed);
  if (missed > 0) {
    const auto& first = pocket["pattern"]["missed"][0];
    const std::string key =
        first["pad"].get<std::string>() + " " + first["position"].get<std::string>();
    CHECK(first["count"] == independent[key]["missed"]);
    CHECK(first["of"] == independent[key]["due"]);
  }
}

TEST_CASE("score --groove names the note most often missed in words", "[score][groove]") {
  const test::TempDir dir;
  const auto result = test::run_command(
      POCKET_BINARY,
      {"score", (kSource / "tests/data/gmd/drummer3_session1_1_rock_105_beat_4-4.mid").string(),
       "--groove", (kSource / "presets/grooves/rock-105.mid").string(), "--drum-map", "roland"},
      dir.path());
  INFO(result.err);
  REQUIRE(result.exit_code == 0);
  // The line under the heading: one short line matched, never the whole output (std::regex
  // recurses per character).
  const std::string heading = "against the pattern\n";
  const auto at = result.out.find(heading);
  REQUIRE(at != std::string::npos);
  const std::size_t from = at + heading.size();
  const std::string first = result.out.substr(from, result.out.find('\n', from) - from);
  CHECK_THAT(first,
             Catch::Matches("    [a-z0-9]+ missed on [1-4]:[1-4][e&a]?, [0-9]+ times? of [0-9]+"));
}

TEST_CASE("score --groove refuses a groove it cannot read, naming the file", "[score][groove]") {
  const test::TempDir dir;
  const auto result = test::run_command(
      POCKET_BINARY,
      {"score", (kSource / "tests/data/gmd/drummer3_session1_1_rock_105_beat_4-4.mid").string(),
       "--groove", (dir / "missing.mid").string()},
      dir.path());
  CHECK(result.exit_code != 0);
  CHECK_THAT(result.err, Catch::Contains("missing.mid"));
}

TEST_CASE("score --groove says which of the groove's notes its map leaves out", "[score][groove]") {
  const test::TempDir dir;
  // The Roland module's hi-hat edge notes, 22 and 26, are not in the General MIDI map.
  const auto result = test::run_command(
      POCKET_BINARY,
      {"score", (kSource / "tests/data/gmd/drummer8_session1_3_hiphop_90_beat_4-4.mid").string(),
       "--drum-map", "roland", "--groove", (kSource / "presets/grooves/hiphop-90.mid").string(),
       "--groove-map", "gm", "--json"},
      dir.path());
  INFO(result.err);
  REQUIRE(result.exit_code == 0);
  CHECK_THAT(result.err, Catch::Contains("the groove hiphop-90 has") &&
                             Catch::Contains("the gm map does not cover (22, 26)"));
  // With the module's own map nothing is left out.
  const auto roland = test::run_command(
      POCKET_BINARY,
      {"score", (kSource / "tests/data/gmd/drummer8_session1_3_hiphop_90_beat_4-4.mid").string(),
       "--drum-map", "roland", "--groove", (kSource / "presets/grooves/hiphop-90.mid").string(),
       "--json"},
      dir.path());
  CHECK(roland.exit_code == 0);
  CHECK(roland.err.find("the groove") == std::string::npos);
}
