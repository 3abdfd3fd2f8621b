// A song played along with the click on a real JACK server: what pocket plays is captured from
// its ports, and the song's own onsets must fall on pocket's grid, at full speed and slowed,
// from WAV and from FLAC, while the drummer's strokes are scored as they were played.
#include <csignal>
#include <string>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "live_rig.hpp"
#include "support/test_song.hpp"

using namespace pocket::test;

namespace {

constexpr double kSongBpm = 100.0;
constexpr double kFirstBar = 1.0;  // seconds into the file
constexpr int kBars = 6;

}  // namespace

TEST_CASE("a song plays on the grid at 100 and 75 percent from WAV and FLAC with strokes scored",
          "[jack][backing]") {
  const auto [name, format] = GENERATE(std::make_pair("wav", SF_FORMAT_WAV | SF_FORMAT_PCM_24),
                                       std::make_pair("flac", SF_FORMAT_FLAC | SF_FORMAT_PCM_24));
  const double speed = GENERATE(1.0, 0.75);
  LiveRig rig;
  TestSong song;
  song.seconds = kFirstBar + (kBars + 2) * 4 * 60.0 / kSongBpm;
  song.onsets = off_beats(kFirstBar, kSongBpm, kBars + 1);
  song.format = format;
  const auto file = rig.dir().path() / (std::string("song.") + name);
  write_test_song(file, song);

  DrummerOptions drummer;
  drummer.jitter_ms = 3.0;
  drummer.seed = speed == 1.0 ? 7 : 8;
  CommandResult result;
  const auto capture = rig.dir().path() / "capture.wav";
  const auto played = rig.with_drummer(drummer, [&] {
    BackgroundProcess recorder(SONG_CAPTURE_BINARY, {"--out", capture.string(), "--seconds", "60"},
                               rig.dir().path() / "capture.out", rig.dir().path() / "capture.err");
    result = rig.pocket({"play", "--bpm", "100", "--bars", std::to_string(kBars), "--backing",
                         file.string(), "--backing-offset", "1", "--speed",
                         std::to_string(speed * 100.0) + "%", "--no-save"});
    recorder.signal(SIGTERM);
    REQUIRE(recorder.wait(std::chrono::seconds(20)) == 0);
  });
  INFO(name << " at " << speed * 100.0 << " %: " << result.err);
  REQUIRE(result.exit_code == 0);
  const nlohmann::json j = nlohmann::json::parse(result.out);
  CHECK(j["bpm"].get<double>() == Approx(100.0 * speed));
  CHECK(j["backing"]["speed"].get<double>() == Approx(speed));
  CHECK(j["backing"]["skips"] == 0);

  // The song's onsets, each half a beat after its click: within 1 ms at full speed (the file's
  // own frames), within 5 ms slowed (Rubber Band's stretch).
  const long beat = std::lround(60.0 / (kSongBpm * speed) * 48000.0);
  const SongOnGrid g = song_on_grid(read_channels(capture), beat);
  INFO(g.song_onsets << " song onsets, " << g.checked << " checked, " << g.left_out
                     << " left out next to a slip of the click track; from " << g.earliest << " to "
                     << g.latest << " frames off the grid");
  CHECK(g.song_onsets == static_cast<std::size_t>(4 * kBars));
  CHECK(g.checked * 2 >= g.song_onsets);
  CHECK(g.worst() <= (speed == 1.0 ? 48 : 240));

  // The drummer's strokes, to the frame as without a song.
  const auto drill = LiveRig::after_count_in(rig.numbered_by_frame(played, j, beat), 4);
  const LiveRig::LoopFrames loop = rig.loop_frames(drill, j, 4);
  REQUIRE(loop.frames.size() * 2 >= drill.size());
  const long median = loop.median();
  std::size_t off = 0;
  for (const long f : loop.frames) off += f != median;
  INFO(loop.frames.size() << " strokes checked, " << loop.disturbed << " next to a late cycle");
  CHECK(off == 0);
}
