// The foundation's promise, checked from the written file: an hour of click at a fractional
// tempo, every onset at the same offset from round(k * 60 / bpm * rate).
#include <algorithm>
#include <cmath>

#include <catch2/catch.hpp>

#include "support/run_command.hpp"
#include "support/temp_dir.hpp"
#include "support/wav_io.hpp"

using namespace pocket;

TEST_CASE("an hour at 133.7 BPM puts all 8000 clicks at one offset from the ideal grid",
          "[render][accuracy]") {
  test::TempDir dir;
  const auto out = dir / "click.wav";
  const auto result = test::run_command(POCKET_BINARY,
                                        {"render", "--bpm", "133.7", "--meter", "4/4", "--bars",
                                         "2000", "--rate", "48000", "--out", out.string()},
                                        dir.path());
  INFO(result.err);
  REQUIRE(result.exit_code == 0);
  CHECK_THAT(result.out, Catch::Contains("8000 clicks"));

  const test::Audio audio = test::read_audio(out);
  REQUIRE(audio.rate == 48000);
  const auto found = test::onsets(audio.samples, 1000);
  REQUIRE(found.size() == 8000);
  std::int64_t lowest = INT64_MAX, highest = INT64_MIN;
  for (std::size_t k = 0; k < found.size(); ++k) {
    const std::int64_t ideal = std::llround(static_cast<double>(k) * 60.0 / 133.7 * 48000.0);
    lowest = std::min(lowest, found[k] - ideal);
    highest = std::max(highest, found[k] - ideal);
  }
  // Every click starts on its frame, and every voice (accent and beat) sounds first on the
  // same sample after it: the spread is 0, as the README says.
  INFO("onset offsets from the ideal grid: " << lowest << " to " << highest << " samples");
  CHECK(highest - lowest == 0);
}

TEST_CASE("a swung render puts every off-beat eighth at its share of the beat, to the sample",
          "[render][accuracy]") {
  test::TempDir dir;
  const auto out = dir / "swing.wav";
  const auto result = test::run_command(POCKET_BINARY,
                                        {"render", "--bpm", "96", "--bars", "8", "--subdivision",
                                         "2", "--swing", "60", "--out", out.string()},
                                        dir.path());
  INFO(result.err);
  REQUIRE(result.exit_code == 0);

  const test::Audio audio = test::read_audio(out);
  const auto found = test::onsets(audio.samples, 1000);
  REQUIRE(found.size() == 64);
  // At 96 BPM a beat is 30000 frames; the off-beat eighth sounds 60 % into it, 18000 frames on.
  std::int64_t lowest = INT64_MAX, highest = INT64_MIN;
  for (std::size_t k = 0; k < found.size(); ++k) {
    const std::int64_t ideal = static_cast<std::int64_t>(k / 2) * 30000 + (k % 2) * 18000;
    lowest = std::min(lowest, found[k] - ideal);
    highest = std::max(highest, found[k] - ideal);
  }
  INFO("onset offsets from the swung grid: " << lowest << " to " << highest << " samples");
  CHECK(highest - lowest == 0);

  const auto refused = test::run_command(
      POCKET_BINARY, {"render", "--bpm", "96", "--swing", "60", "--out", out.string()}, dir.path());
  CHECK(refused.exit_code != 0);
  CHECK_THAT(refused.err, Catch::Contains("has no 8th notes to swing"));
}
