#include <algorithm>

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
  // 300 frames at the output rate (no resampling), alternating in sign and fading from a peak
  // of 0.5 at frame 0, written as floats so that the file holds exactly these values.
  test::Audio sample{std::vector<float>(300), 1, 44100};
  for (std::size_t i = 0; i < 300; ++i)
    sample.samples[i] = (i % 2 ? 0.5f : -0.5f) * static_cast<float>(300 - i) / 300.0f;
  test::write_audio(dir / "clave.wav", sample, SF_FORMAT_WAV | SF_FORMAT_FLOAT);
  const auto result =
      pocket_cli({"render", "--sample", (dir / "clave.wav").string(), "--bars", "1", "--bpm", "100",
                  "--rate", "44100", "--out", (dir / "out.wav").string()},
                 dir);
  INFO(result.err);
  REQUIRE(result.exit_code == 0);
  CHECK_THAT(result.out, Contains("clave.wav"));

  const test::Audio in = test::read_audio(dir / "clave.wav");
  const test::Audio out = test::read_audio(dir / "out.wav");
  REQUIRE(out.channels == 1);
  REQUIRE(out.rate == 44100);
  // A beat at 100 BPM is 60 / 100 x 44100 = 26460 frames: clicks at 0, 26460, 52920, 79380.
  // The sample is scaled to the accent's peak of 0.9 on beat 1 (gain 0.9 / 0.5 = 1.8) and to
  // the beat's 0.6 on the others (gain 1.2); between clicks there is silence.
  REQUIRE(out.samples.size() >= 79380 + 300);
  struct Click {
    std::size_t frame;
    float gain;
  };
  for (const auto& [frame, gain] : {Click{0, 1.8f}, {26460, 1.2f}, {52920, 1.2f}, {79380, 1.2f}}) {
    INFO("click at frame " << frame);
    for (std::size_t i = 0; i < in.samples.size(); ++i) {
      INFO("frame " << frame + i);
      REQUIRE(out.samples[frame + i] == Approx(in.samples[i] * gain).margin(1e-5));
    }
    const auto next = std::min<std::size_t>(frame + 26460, out.samples.size());
    for (std::size_t i = frame + in.samples.size(); i < next; ++i) REQUIRE(out.samples[i] == 0.0f);
  }
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
