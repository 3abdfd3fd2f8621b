// pocket render --backing: the click mixed with a song as a session plays it, written to a file,
// and over ten minutes the song stays on the click's grid.
#include <catch2/catch.hpp>

#include "support/run_command.hpp"
#include "support/temp_dir.hpp"
#include "support/test_song.hpp"

using namespace pocket;
using namespace pocket::test;
using Catch::Contains;

namespace {

constexpr double kFirstBar = 1.0;  // seconds into the song

// A song of `bars` bars of off-beats at 100 BPM from its first bar line at 1 s.
std::filesystem::path song_file(const TempDir& dir, int bars, const char* name, int format) {
  TestSong song;
  song.seconds = kFirstBar + (bars + 1) * 2.4;
  song.onsets = off_beats(kFirstBar, 100.0, bars);
  song.format = format;
  const auto path = dir / name;
  write_test_song(path, song);
  return path;
}

}  // namespace

TEST_CASE("render with a song keeps it on the click's grid for ten minutes at 100 and 75 percent",
          "[render][backing]") {
  const double speed = GENERATE(1.0, 0.75);
  TempDir dir;
  // Ten minutes of the track: 250 bars at 100 BPM, or 188 at 75.
  const int bars = speed == 1.0 ? 250 : 188;
  const auto song = song_file(dir, bars, "song.flac", SF_FORMAT_FLAC | SF_FORMAT_PCM_24);
  const auto out = dir / "with-song.wav";
  const auto result =
      run_command(POCKET_BINARY,
                  {"render", "--bpm", "100", "--bars", std::to_string(bars), "--count-in", "1",
                   "--backing", song.string(), "--backing-offset", "1", "--speed",
                   speed == 1.0 ? "100%" : "75%", "--out", out.string()},
                  dir.path());
  INFO(result.err);
  REQUIRE(result.exit_code == 0);
  CHECK_THAT(result.out, Contains("with the song"));

  const Channels c = read_channels(out);
  CHECK(c.left.size() >= static_cast<std::size_t>(600 * 48000));
  const SongOnGrid g = song_on_grid(c, std::lround(60.0 / (100.0 * speed) * 48000.0));
  INFO(g.song_onsets << " song onsets, " << g.checked << " checked; from " << g.earliest << " to "
                     << g.latest << " frames off the grid");
  // Every off-beat but the last (after the last click), none left out: offline nothing slips.
  CHECK(g.song_onsets == static_cast<std::size_t>(4 * bars));
  CHECK(g.left_out == 1);
  // At full speed the song's own frames: on the grid to the frame (each rounded once). Slowed:
  // within 5 ms, and no drift: all within 1 ms of each other over the ten minutes.
  CHECK(g.worst() <= (speed == 1.0 ? 1 : 240));
  CHECK(g.spread() <= 48);
}

TEST_CASE("render with a song says what is wrong with the song in one line", "[render][backing]") {
  TempDir dir;
  const auto missing = run_command(
      POCKET_BINARY,
      {"render", "--backing", (dir / "gone.flac").string(), "--out", (dir / "o.wav").string()},
      dir.path());
  CHECK(missing.exit_code != 0);
  CHECK_THAT(missing.err, Contains("gone.flac") && Contains("no such file"));
  CHECK(std::count(missing.err.begin(), missing.err.end(), '\n') == 1);
  CHECK_FALSE(std::filesystem::exists(dir / "o.wav"));
  const auto speed_alone = run_command(POCKET_BINARY, {"render", "--speed", "80%"}, dir.path());
  CHECK(speed_alone.exit_code != 0);
  CHECK_THAT(speed_alone.err, Contains("--backing"));
}
