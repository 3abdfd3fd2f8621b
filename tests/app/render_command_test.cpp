#include <catch2/catch.hpp>

#include "support/run_command.hpp"
#include "support/temp_dir.hpp"
#include "support/wav_io.hpp"

using namespace pocket;
using Catch::Contains;

namespace {
test::CommandResult pocket_cli(const std::vector<std::string>& args, const test::TempDir& dir) {
  return test::run_command(POCKET_BINARY, args, dir.path());
}

std::size_t line_count(const std::string& text) {
  return static_cast<std::size_t>(std::count(text.begin(), text.end(), '\n'));
}
}  // namespace

TEST_CASE("render writes the click track and says where", "[render]") {
  test::TempDir dir;
  const auto out = dir / "drill.flac";
  const auto result = pocket_cli(
      {"render", "--bpm", "90", "--meter", "7/8", "--bars", "3", "--subdivision", "2", "--count-in",
       "1", "--accent", "X.x.x..", "--sound", "tick", "--out", out.string()},
      dir);
  INFO(result.err);
  REQUIRE(result.exit_code == 0);
  CHECK_THAT(result.out, Contains(out.string()));
  // 4 bars of 7 beats, 2 clicks each, minus the 4 silent beats in each bar.
  CHECK_THAT(result.out, Contains("40 clicks"));
  const test::Audio audio = test::read_audio(out);
  CHECK(test::onsets(audio.samples, 100).size() == 40);
}

TEST_CASE("render ramps the tempo and mutes gap bars", "[render]") {
  test::TempDir dir;
  const auto out = dir / "ramp.wav";
  const auto result = pocket_cli({"render", "--bpm", "100", "--ramp-to", "160", "--bars", "8",
                                  "--gap", "2:2", "--out", out.string()},
                                 dir);
  INFO(result.err);
  REQUIRE(result.exit_code == 0);
  const auto found = test::onsets(test::read_audio(out).samples, 1000);
  REQUIRE(found.size() == 16);  // bars 0, 1, 4 and 5
  // Clicks close up as the tempo rises.
  CHECK(found[15] - found[14] < found[1] - found[0]);
}

TEST_CASE("render uses a sample file as the click", "[render]") {
  test::TempDir dir;
  test::Audio sample{std::vector<float>(300, 0.0f), 1, 22050};
  for (std::size_t i = 1; i < 300; ++i) sample.samples[i] = i % 2 ? 0.4f : -0.4f;
  test::write_audio(dir / "clave.wav", sample, SF_FORMAT_WAV | SF_FORMAT_PCM_16);
  const auto result = pocket_cli({"render", "--sample", (dir / "clave.wav").string(), "--bars", "1",
                                  "--out", (dir / "out.wav").string()},
                                 dir);
  INFO(result.err);
  REQUIRE(result.exit_code == 0);
  CHECK_THAT(result.out, Contains("clave.wav"));
  CHECK(test::onsets(test::read_audio(dir / "out.wav").samples, 1000).size() == 4);
}

TEST_CASE("bad arguments get one clear line, a non-zero exit and no file", "[render]") {
  struct Case {
    std::vector<std::string> args;
    std::string message;
  };
  const auto c =
      GENERATE(Case{{"--bpm", "0"}, "tempo 0 BPM"}, Case{{"--bpm", "10000"}, "tempo 10000 BPM"},
               Case{{"--bpm", "fast"}, "--bpm"}, Case{{"--meter", "4/0"}, "meter 4/0"},
               Case{{"--bars", "0"}, "at least 1"}, Case{{"--subdivision", "9"}, "subdivision 9"},
               Case{{"--gap", "4-4"}, "PLAY:MUTE"}, Case{{"--accent", "Xx"}, "2 marks"},
               Case{{"--sound", "gong"}, "unknown sound 'gong'"},
               Case{{"--sample", "/no/such/sample.wav"}, "no such file"},
               Case{{"--rate", "0"}, "sample rate"}, Case{{"--frobnicate"}, "frobnicate"});
  test::TempDir dir;
  std::vector<std::string> args = {"render", "--out", (dir / "click.wav").string()};
  args.insert(args.end(), c.args.begin(), c.args.end());
  const auto result = pocket_cli(args, dir);
  CHECK(result.exit_code == 2);
  CHECK_THAT(result.err, Contains(c.message));
  CHECK(line_count(result.err) == 1);
  CHECK(result.out.empty());
  CHECK(std::filesystem::is_empty(dir.path()));
}

TEST_CASE("render refuses a missing output folder and an unknown format", "[render]") {
  test::TempDir dir;
  auto result = pocket_cli({"render", "--out", (dir / "missing" / "click.wav").string()}, dir);
  CHECK(result.exit_code == 2);
  CHECK_THAT(result.err, Contains("does not exist"));
  result = pocket_cli({"render", "--out", (dir / "click.ogg").string()}, dir);
  CHECK(result.exit_code == 2);
  CHECK_THAT(result.err, Contains(".wav, .flac or .aiff"));
  CHECK(std::filesystem::is_empty(dir.path()));
}

TEST_CASE("every command has help", "[cli]") {
  test::TempDir dir;
  auto result = pocket_cli({"--help"}, dir);
  CHECK(result.exit_code == 0);
  CHECK_THAT(result.out, Contains("render"));
  result = pocket_cli({"render", "--help"}, dir);
  CHECK(result.exit_code == 0);
  CHECK_THAT(result.out, Contains("--ramp-to") && Contains("--gap") && Contains("--count-in"));
  result = pocket_cli({"dance"}, dir);
  CHECK(result.exit_code == 2);
  CHECK_THAT(result.err, Contains("unknown command 'dance'"));
}
