// pocket play --backing: a song that cannot be played is one line before anything starts, and a
// song at another rate is said once, before the click.
#include <algorithm>

#include <catch2/catch.hpp>

#include "support/run_command.hpp"
#include "support/temp_dir.hpp"
#include "support/test_song.hpp"

using namespace pocket;
using namespace pocket::test;
using Catch::Contains;

namespace {

std::size_t count_of(const std::string& text, const std::string& part) {
  std::size_t n = 0;
  for (std::size_t at = text.find(part); at != std::string::npos; at = text.find(part, at + 1)) ++n;
  return n;
}

// play with a device that is not there: it stops at the devices, after what is said before.
CommandResult play_with(const TempDir& dir, const std::string& song) {
  return run_command(POCKET_BINARY,
                     {"play", "--bars", "1", "--backing", song, "--midi-api", "jack", "--midi-in",
                      "virtual", "--audio-device", "no-such-device-here", "--no-save"},
                     dir.path());
}

}  // namespace

TEST_CASE("play with a song that is missing or not audio says so in one line", "[backing]") {
  TempDir dir;
  const auto missing = play_with(dir, (dir / "gone.wav").string());
  CHECK(missing.exit_code != 0);
  CHECK_THAT(missing.err, Contains("gone.wav") && Contains("no such file"));
  CHECK(count_of(missing.err, "\n") == 1);
  const auto text = dir / "notes.flac";
  std::FILE* f = std::fopen(text.c_str(), "w");
  std::fputs("a shopping list\n", f);
  std::fclose(f);
  const auto not_audio = play_with(dir, text.string());
  CHECK(not_audio.exit_code != 0);
  CHECK_THAT(not_audio.err, Contains("notes.flac") && Contains("not an audio file"));
  CHECK(count_of(not_audio.err, "\n") == 1);
}

TEST_CASE("play with a song at another sample rate says once that it is resampled", "[backing]") {
  TempDir dir;
  TestSong song;
  song.rate = 44100;
  song.seconds = 2.0;
  write_test_song(dir / "song.wav", song);
  const auto result = play_with(dir, (dir / "song.wav").string());
  INFO(result.out << result.err);
  CHECK(count_of(result.out + result.err, "44100 Hz and the audio at 48000 Hz") == 1);
  CHECK_THAT(result.out + result.err, Contains("resamples it"));
}
