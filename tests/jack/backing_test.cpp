// A song played along with the click on a real JACK server: what pocket plays is captured from
// its ports, and the song's own onsets must fall on pocket's grid, at full speed and slowed,
// from WAV and from FLAC, while the drummer's strokes are scored as they were played.
#include <csignal>
#include <string>

#include <fmt/format.h>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "live_rig.hpp"
#include "support/test_song.hpp"
#include "support/test_song_tempo.hpp"

using namespace pocket::test;

namespace {

constexpr double kSongFirstBar = 1.0;  // seconds into the file
constexpr int kSongBars = 6;
// Three bars at 100 BPM, three at 120: the click follows the song's tempo map.
const std::vector<SongPart> kParts = {{100.0, 3}, {120.0, 3}};

}  // namespace

TEST_CASE("a song with a tempo change plays on the grid at 100 and 75 percent from WAV and FLAC",
          "[jack][backing]") {
  const auto [name, format] = GENERATE(std::make_pair("wav", SF_FORMAT_WAV | SF_FORMAT_PCM_24),
                                       std::make_pair("flac", SF_FORMAT_FLAC | SF_FORMAT_PCM_24));
  const double speed = GENERATE(1.0, 0.75);
  LiveRig rig;
  TestSong song;
  song.onsets = off_beats(kSongFirstBar, kParts);
  song.seconds = song.onsets.back() + 2.0;
  song.format = format;
  const auto file = rig.dir().path() / (std::string("song.") + name);
  write_test_song(file, song);
  const auto tempo_map = rig.dir().path() / "song.mid";
  write_tempo_map(tempo_map, kParts);

  DrummerOptions drummer;
  drummer.jitter_ms = 3.0;
  drummer.seed = speed == 1.0 ? 7 : 8;
  CommandResult result;
  const auto capture = rig.dir().path() / "capture.wav";
  const auto played = rig.with_drummer(drummer, [&] {
    BackgroundProcess recorder(SONG_CAPTURE_BINARY, {"--out", capture.string(), "--seconds", "60"},
                               rig.dir().path() / "capture.out", rig.dir().path() / "capture.err");
    result = rig.pocket({"play", "--tempo-map", tempo_map.string(), "--bars",
                         std::to_string(kSongBars), "--backing", file.string(), "--backing-offset",
                         "1", "--speed", std::to_string(speed * 100.0) + "%"});
    recorder.signal(SIGTERM);
    REQUIRE(recorder.wait(std::chrono::seconds(20)) == 0);
  });
  INFO(name << " at " << speed * 100.0 << " %: " << result.err);
  REQUIRE(result.exit_code == 0);
  const nlohmann::json j = nlohmann::json::parse(result.out);
  CHECK(j["bpm"].get<double>() == Approx(100.0 * speed));
  CHECK(j["backing"]["speed"].get<double>() == Approx(speed));
  CHECK(j["backing"]["skips"] == 0);

  // The song's onsets, each half a beat after its click, at both tempos: within 1 ms at full
  // speed (the file's own frames), within 5 ms slowed (Rubber Band's stretch).
  const auto beat = [&](double bpm) { return std::lround(60.0 / (bpm * speed) * 48000.0); };
  const SongOnGrid g = song_on_grid(read_channels(capture), {beat(100.0), beat(120.0)});
  INFO(g.song_onsets << " song onsets, " << g.checked << " checked (" << g.by_beat[0] << " at "
                     << 100 * speed << " BPM, " << g.by_beat[1] << " at " << 120 * speed << "), "
                     << g.left_out << " left out next to a slip of the click track; from "
                     << g.earliest << " to " << g.latest << " frames off the grid");
  CHECK(g.song_onsets == static_cast<std::size_t>(4 * kSongBars));
  CHECK(g.checked * 2 >= g.song_onsets);
  CHECK(g.by_beat[0] >= 4);
  CHECK(g.by_beat[1] >= 4);
  CHECK(g.worst() <= (speed == 1.0 ? 48 : 240));

  // The drummer's strokes, to the frame as without a song.
  const auto drill = LiveRig::after_count_in(rig.numbered_by_onsets(played, j), 4);
  const LiveRig::LoopFrames loop = rig.loop_frames(drill, j, 4);
  REQUIRE(loop.frames.size() * 2 >= drill.size());
  const long median = loop.median();
  std::size_t off = 0;
  for (const long f : loop.frames) off += f != median;
  INFO(loop.frames.size() << " strokes checked, " << loop.disturbed << " next to a late cycle");
  CHECK(off == 0);

  // The history keeps the song and its speed.
  const auto shown = run_command(POCKET_BINARY, {"show", "1"}, rig.dir().path());
  INFO(shown.err);
  CHECK_THAT(shown.out, Catch::Contains(fmt::format("played along with song.{} at {:.0f} %", name,
                                                    speed * 100.0)));
}

TEST_CASE("a ladder on the test song climbs from 70 percent and ends at the drummer's limit",
          "[jack][backing][ladder]") {
  // The drummer holds up to 99 BPM: on a song at 120 BPM the steps 70, 75 and 80 % hold and
  // 85 % (102 BPM) does not.
  LiveRig rig;
  TestSong song;
  song.onsets = off_beats(kSongFirstBar, 120.0, 40);
  song.seconds = song.onsets.back() + 2.0;
  const auto file = rig.dir().path() / "song.flac";
  song.format = SF_FORMAT_FLAC | SF_FORMAT_PCM_24;
  write_test_song(file, song);
  const std::vector<std::string> ladder = {"ladder", "--backing", file.string(), "--backing-offset",
                                           "1",      "--bpm",     "120",         "--from",
                                           "70%",    "--to",      "100%",        "--step",
                                           "5%",     "--bars",    "2",           "--calibration-ms",
                                           "0"};
  DrummerOptions drummer;
  drummer.jitter_ms = 3.0;
  drummer.limit_bpm = 99.0;
  drummer.seed = 9;
  CommandResult result;
  const auto capture = rig.dir().path() / "capture.wav";
  rig.with_drummer(drummer, [&] {
    BackgroundProcess recorder(SONG_CAPTURE_BINARY, {"--out", capture.string(), "--seconds", "90"},
                               rig.dir().path() / "capture.out", rig.dir().path() / "capture.err");
    result = rig.pocket(ladder);
    recorder.signal(SIGTERM);
    REQUIRE(recorder.wait(std::chrono::seconds(20)) == 0);
  });
  INFO(result.err);
  REQUIRE(result.exit_code == 0);
  CHECK_THAT(result.err, Catch::Contains("no solid speed on song.flac"));
  const nlohmann::json j = nlohmann::json::parse(result.out);
  const nlohmann::json& verdict = j["ladder"]["verdict"];
  INFO(verdict["message"]);
  CHECK(verdict["kind"] == "real limit");
  CHECK(verdict["last_bpm"] == 102.0);
  CHECK(verdict["best_passed_bpm"] == 96.0);
  CHECK_THAT(verdict["message"].get<std::string>(),
             Catch::Contains("real limit at 85 % (102 BPM)") &&
                 Catch::Contains("solid up to 80 % (96 BPM)"));
  const nlohmann::json& steps = j["ladder"]["steps"];
  REQUIRE(steps.size() >= 4);
  for (std::size_t i = 0; i < 4; ++i) CHECK(steps[i]["bpm"] == 84.0 + 6.0 * static_cast<double>(i));
  CHECK(j["backing"]["skips"] == 0);

  // The song changed speed with each step, on the bar line: its off-beats lie half a beat after
  // the click at every step's tempo, within 5 ms.
  const std::vector<double> tempos = {84.0, 90.0, 96.0, 102.0};
  std::vector<long> beats;
  for (const double bpm : tempos) beats.push_back(std::lround(60.0 / bpm * 48000.0));
  const SongOnGrid g = song_on_grid(read_channels(capture), beats);
  INFO(g.song_onsets << " song onsets, " << g.checked << " checked, " << g.left_out
                     << " left out next to a slip of the click track; from " << g.earliest << " to "
                     << g.latest << " frames off the grid");
  for (std::size_t i = 0; i < tempos.size(); ++i) {
    INFO(g.by_beat[i] << " at " << tempos[i] << " BPM");
    CHECK(g.by_beat[i] >= 4);
  }
  CHECK(g.checked * 2 >= g.song_onsets);
  CHECK(g.worst() <= 240);

  const auto shown = run_command(POCKET_BINARY, {"show", "1"}, rig.dir().path());
  CHECK_THAT(shown.out, Catch::Contains("played along with song.flac from 70 % to 85 %"));

  // The next ladder on the song is capped 5 % above the speed it held: 84 % of the song.
  CommandResult capped;
  std::vector<std::string> short_ladder = ladder;
  short_ladder.insert(short_ladder.end(), {"--max-bars", "2"});
  rig.with_drummer(drummer, [&] { capped = rig.pocket(short_ladder); });
  INFO(capped.err);
  REQUIRE(capped.exit_code == 0);
  CHECK_THAT(capped.err,
             Catch::Contains("your solid speed on song.flac is 80 % (96 BPM): today's ladder goes "
                             "no higher than 84 % (100.8 BPM)"));
  CHECK(nlohmann::json::parse(capped.out)["ladder"]["ceiling_bpm"] == Approx(100.8));
}
