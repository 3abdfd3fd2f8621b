// pocket render --backing: the click mixed with a song as a session plays it, written to a file,
// and over ten minutes the song stays on the click's grid.
#include <catch2/catch.hpp>

#include "support/run_command.hpp"
#include "support/temp_dir.hpp"
#include "support/test_song.hpp"
#include "support/test_song_tempo.hpp"
#include "support/wav_io.hpp"

using namespace pocket;
using namespace pocket::test;
using Catch::Contains;

namespace {

constexpr double kSongFirstBar = 1.0;  // seconds into the song

}  // namespace

TEST_CASE("render with a song keeps it on the click's grid for ten minutes at 100 and 75 percent",
          "[render][backing]") {
  const double speed = GENERATE(1.0, 0.75);
  TempDir dir;
  // Ten minutes of the track, half at 100 BPM and half at 120, at the song's speed.
  const std::vector<SongPart> parts = speed == 1.0
                                          ? std::vector<SongPart>{{100.0, 125}, {120.0, 150}}
                                          : std::vector<SongPart>{{100.0, 94}, {120.0, 113}};
  const int bars = parts[0].bars + parts[1].bars;
  TestSong song;
  song.onsets = off_beats(kSongFirstBar, parts);
  song.seconds = song.onsets.back() + 1.0;
  song.format = SF_FORMAT_FLAC | SF_FORMAT_PCM_24;
  write_test_song(dir / "song.flac", song);
  write_tempo_map(dir / "song.mid", parts);
  const auto out = dir / "with-song.wav";
  const auto result = run_command(
      POCKET_BINARY,
      {"render", "--tempo-map", (dir / "song.mid").string(), "--bars", std::to_string(bars),
       "--count-in", "1", "--backing", (dir / "song.flac").string(), "--backing-offset", "1",
       "--speed", speed == 1.0 ? "100%" : "75%", "--out", out.string()},
      dir.path());
  INFO(result.err);
  REQUIRE(result.exit_code == 0);
  CHECK_THAT(result.out, Contains("with the song"));

  const Channels c = read_channels(out);
  CHECK(c.left.size() >= static_cast<std::size_t>(600 * 48000));
  const auto beat = [&](double bpm) { return std::lround(60.0 / (bpm * speed) * 48000.0); };
  const SongOnGrid g = song_on_grid(c, {beat(100.0), beat(120.0)});
  INFO(g.song_onsets << " song onsets, " << g.checked << " checked (" << g.by_beat[0] << " at "
                     << 100 * speed << " BPM, " << g.by_beat[1] << " at " << 120 * speed
                     << "); from " << g.earliest << " to " << g.latest << " frames off the grid");
  // Every off-beat but the last (after the last click), none left out: offline nothing slips.
  CHECK(g.song_onsets == static_cast<std::size_t>(4 * bars));
  CHECK(g.left_out == 1);
  CHECK(g.by_beat[0] == static_cast<std::size_t>(4 * parts[0].bars));
  // At full speed the song's own frames: on the grid to the frame (each rounded once). Slowed:
  // within 5 ms, and no drift: at each tempo the last 40 onsets where the first 40 were,
  // within 1 ms.
  INFO("drift " << g.drift(40) << " frames");
  CHECK(g.worst() <= (speed == 1.0 ? 1 : 240));
  CHECK(g.drift(40) <= 48.0);
  CHECK(g.offsets[1].size() >= 80);
}

TEST_CASE("render follows a tempo map's tempos and meters only where they change on bar lines",
          "[render][backing]") {
  TempDir dir;
  // Two bars of 4/4 at 120 BPM, a bar of 3/4, then 4/4 at 90 BPM from the bar line after it.
  MidiFileWriter map(480);
  map.add_time_signature(0, 4, 4);
  map.add_tempo(0, 120.0);
  map.add_time_signature(480 * 8, 3, 4);
  map.add_time_signature(480 * 11, 4, 4);
  map.add_tempo(480 * 11, 90.0);
  map.save(dir / "song.mid");
  const auto out = dir / "click.wav";
  const auto played = run_command(POCKET_BINARY,
                                  {"render", "--tempo-map", (dir / "song.mid").string(), "--bars",
                                   "5", "--count-in", "0", "--out", out.string()},
                                  dir.path());
  INFO(played.err);
  REQUIRE(played.exit_code == 0);
  CHECK_THAT(played.out, Contains("19 clicks, 5 bars of 4/4,3/4@3,4/4@4"));
  const Audio audio = read_audio(out);
  REQUIRE(audio.channels == 1);
  // Each bar line to the frame: 24000 frames a beat, then 32000 from bar 4 on (a click's first
  // sample is zero, so it is heard from the frame after).
  const BarLines bars = bar_lines_in(audio.samples, 24000);
  CHECK(bars.frames == std::vector<long>{1, 96001, 192001, 264001, 392001});
  CHECK(bars.clicks == std::vector<int>{4, 4, 3, 4});

  // A map pocket cannot follow: render refuses it.
  const auto render_odd = [&](const MidiFileWriter& odd) {
    odd.save(dir / "odd.mid");
    return run_command(
        POCKET_BINARY,
        {"render", "--tempo-map", (dir / "odd.mid").string(), "--out", (dir / "o.wav").string()},
        dir.path());
  };
  // A change inside a bar is refused with the bar, counted through the meters before it.
  MidiFileWriter odd(480);
  odd.add_time_signature(480 * 8, 3, 4);
  odd.add_tempo(480 * 9, 100.0);           // bar 3, beat 2
  odd.add_time_signature(480 * 12, 4, 4);  // bar 4, beat 2
  const auto refused = render_odd(odd);
  CHECK(refused.exit_code != 0);
  CHECK_THAT(refused.err, Contains("odd.mid") && Contains("inside bar 4") &&
                              Contains("beat 2.00") && Contains("bar lines"));
  odd = MidiFileWriter(480);
  odd.add_time_signature(480 * 8, 3, 4);
  odd.add_tempo(480 * 9, 100.0);
  const auto tempo_refused = render_odd(odd);
  CHECK_THAT(tempo_refused.err, Contains("tempo changes inside bar 3") && Contains("beat 2.00"));
  // Seventeen meters, 2/4 to 18/4, a bar each: more than the click follows.
  odd = MidiFileWriter(480);
  std::int64_t tick = 0;
  for (int beats = 2; beats <= 18; ++beats) {
    odd.add_time_signature(tick, beats, 4);
    tick += 480 * beats;
  }
  const auto meters_refused = render_odd(odd);
  CHECK(meters_refused.exit_code != 0);
  CHECK_THAT(meters_refused.err,
             Contains("odd.mid") && Contains("17 different meters") && Contains("at most 16"));
  CHECK(std::count(meters_refused.err.begin(), meters_refused.err.end(), '\n') == 1);
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
