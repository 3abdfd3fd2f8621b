// A song played along with the click on a real JACK server: what pocket plays is captured from
// its ports, and the song's own onsets must fall on pocket's grid, at full speed and slowed,
// from WAV and from FLAC, while the drummer's strokes are scored as they were played.
#include <algorithm>
#include <cmath>
#include <csignal>
#include <set>
#include <string>

#include <fmt/format.h>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "audio/click_sound.hpp"
#include "core/drill.hpp"
#include "groove_drummer.hpp"
#include "live_rig.hpp"
#include "midi/groove_file.hpp"
#include "support/shipped_presets.hpp"
#include "support/test_song.hpp"
#include "support/test_song_tempo.hpp"

using namespace pocket::test;

namespace {

constexpr double kSongFirstBar = 1.0;  // seconds into the file
constexpr int kSongBars = 6;
// Three bars of 4/4 at 100 BPM, one of 3/4 at 120 and two of 4/4: the click follows the song's
// tempo map, its tempos and its meters.
const std::vector<SongPart> kParts = {{100.0, 3, 4}, {120.0, 1, 3}, {120.0, 2, 4}};
constexpr int kSongBeats = 3 * 4 + 3 + 2 * 4;

// pocket run with `args` and the drummer, while song_capture records pocket's two outputs into
// the rig's capture.wav for at most `seconds`.
struct Captured {
  CommandResult result;
  std::vector<DrummerStroke> played;
  Channels output;
};
Captured play_captured(LiveRig& rig, const DrummerOptions& drummer,
                       const std::vector<std::string>& args, int seconds) {
  Captured c;
  const auto capture = rig.dir().path() / "capture.wav";
  c.played = rig.with_drummer(drummer, [&] {
    BackgroundProcess recorder(SONG_CAPTURE_BINARY,
                               {"--out", capture.string(), "--seconds", std::to_string(seconds)},
                               rig.dir().path() / "capture.out", rig.dir().path() / "capture.err");
    c.result = rig.pocket(args);
    recorder.signal(SIGTERM);
    REQUIRE(recorder.wait(std::chrono::seconds(20)) == 0);
  });
  if (c.result.exit_code == 0) c.output = read_channels(capture);
  return c;
}

// The song's off-beats in pocket's output lie half a beat after the click, within 5 ms, at
// least four of them at each of `tempos` (the click's, as a ladder played them).
void check_song_at_tempos(const Channels& output, const std::vector<double>& tempos) {
  std::vector<long> beats;
  for (const double bpm : tempos) beats.push_back(std::lround(60.0 / bpm * 48000.0));
  const SongOnGrid g = song_on_grid(output, beats);
  INFO(g.song_onsets << " song onsets, " << g.checked << " checked, " << g.left_out
                     << " left out next to a slip of the click track; from " << g.earliest << " to "
                     << g.latest << " frames off the grid");
  for (std::size_t i = 0; i < tempos.size(); ++i) {
    INFO(g.by_beat[i] << " at " << tempos[i] << " BPM");
    CHECK(g.by_beat[i] >= 4);
  }
  CHECK(g.checked * 2 >= g.song_onsets);
  CHECK(g.worst() <= 240);
}

}  // namespace

TEST_CASE(
    "a song with a tempo and a meter change plays on the grid at 100 and 75 percent from WAV "
    "and FLAC",
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
  const Captured run = play_captured(
      rig, drummer,
      {"play", "--tempo-map", tempo_map.string(), "--bars", std::to_string(kSongBars), "--backing",
       file.string(), "--backing-offset", "1", "--speed", std::to_string(speed * 100.0) + "%"},
      60);
  const CommandResult& result = run.result;
  const std::vector<DrummerStroke>& played = run.played;
  INFO(name << " at " << speed * 100.0 << " %: " << result.err);
  REQUIRE(result.exit_code == 0);
  const nlohmann::json j = nlohmann::json::parse(result.out);
  CHECK(j["bpm"].get<double>() == Approx(100.0 * speed));
  CHECK(j["backing"]["speed"].get<double>() == Approx(speed));
  CHECK(j["backing"]["skips"] == 0);

  // The song's onsets, each half a beat after its click, at both tempos: within 1 ms at full
  // speed (the file's own frames), within 5 ms slowed (Rubber Band's stretch).
  const auto beat = [&](double bpm) { return std::lround(60.0 / (bpm * speed) * 48000.0); };
  const SongOnGrid g = song_on_grid(run.output, {beat(100.0), beat(120.0)});
  INFO(g.song_onsets << " song onsets, " << g.checked << " checked (" << g.by_beat[0] << " at "
                     << 100 * speed << " BPM, " << g.by_beat[1] << " at " << 120 * speed << "), "
                     << g.left_out << " left out next to a slip of the click track; from "
                     << g.earliest << " to " << g.latest << " frames off the grid");
  CHECK(g.song_onsets == static_cast<std::size_t>(kSongBeats));
  CHECK(g.checked * 2 >= g.song_onsets);
  CHECK(g.by_beat[0] >= 4);
  CHECK(g.by_beat[1] >= 4);
  CHECK(g.worst() <= (speed == 1.0 ? 48 : 240));

  // The click's bars are the song's: its accents fall on the map's bar lines, 4/4 then the 3/4
  // bar (the count-in's first accent may sound before the capture hears it), and the strokes in
  // the 3/4 bar have positions of their own.
  const std::vector<int> bars = bar_lines_in(run.output.left, beat(120.0)).clicks;
  INFO("clicks from each bar line to the next: " << Catch::Detail::stringify(bars));
  REQUIRE(bars.size() >= 5);
  CHECK(std::vector<int>(bars.end() - 5, bars.end()) == std::vector<int>{4, 4, 4, 3, 4});
  CHECK(j["clicks"] == 4 + kSongBeats);
  CHECK(j["meter"] == "4/4,3/4@4,4/4@5");
  std::vector<std::string> positions;
  for (const auto& p : j["positions"]) positions.push_back(p["position"].get<std::string>());
  INFO("positions: " << Catch::Detail::stringify(positions));
  for (const char* label : {"4/4:1", "4/4:4", "3/4:1", "3/4:3"})
    CHECK(std::find(positions.begin(), positions.end(), label) != positions.end());

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
  CHECK_THAT(shown.out, Catch::Contains("3/4:2"));
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
  const Captured run = play_captured(rig, drummer, ladder, 90);
  const CommandResult& result = run.result;
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
  check_song_at_tempos(run.output, tempos);

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

TEST_CASE("a ladder on a song whose tempo changes plays each of its tempos at the step's share",
          "[jack][backing][ladder]") {
  // Three bars at 100 BPM, then 120. Steps of 70, 75, 80 and 85 % play the click at 70, then
  // from bar 4 (where the song's tempo changes too) 90, then 96, then 102, where the drummer (up
  // to 99 BPM) loses it. A change inside a step is tested without a drummer (TempoChanges).
  LiveRig rig;
  const std::vector<SongPart> parts = {{100.0, 3}, {120.0, 30}};
  TestSong song;
  song.onsets = off_beats(kSongFirstBar, parts);
  song.seconds = song.onsets.back() + 2.0;
  const auto file = rig.dir().path() / "song.wav";
  write_test_song(file, song);
  const auto map = rig.dir().path() / "song.mid";
  write_tempo_map(map, parts);
  DrummerOptions drummer;
  drummer.jitter_ms = 3.0;
  drummer.limit_bpm = 99.0;
  drummer.seed = 11;
  const Captured run = play_captured(
      rig, drummer,
      {"ladder", "--backing", file.string(), "--backing-offset", "1", "--tempo-map", map.string(),
       "--from", "70%", "--to", "100%", "--step", "5%", "--bars", "2", "--calibration-ms", "0"},
      90);
  const CommandResult& result = run.result;
  INFO(result.err);
  REQUIRE(result.exit_code == 0);
  const nlohmann::json j = nlohmann::json::parse(result.out);
  const nlohmann::json& verdict = j["ladder"]["verdict"];
  INFO(verdict["message"]);
  CHECK(verdict["kind"] == "real limit");
  CHECK_THAT(verdict["message"].get<std::string>(),
             Catch::Contains("real limit at 85 %") && Catch::Contains("solid up to 80 %"));
  // The shares it climbed through, in order: the drummer may need a second go at 75 %, the
  // first step after the song's jump to 120 BPM.
  std::vector<double> climbed;
  for (const auto& step : j["ladder"]["steps"])
    if (climbed.empty() || climbed.back() != step["bpm"].get<double>())
      climbed.push_back(step["bpm"].get<double>());
  CHECK(climbed == std::vector<double>{70.0, 75.0, 80.0, 85.0});
  CHECK(j["backing"]["skips"] == 0);

  // The song's off-beats half a beat after the click at every tempo the click played.
  const std::vector<double> tempos = {70.0, 90.0, 96.0, 102.0};
  check_song_at_tempos(run.output, tempos);
}

namespace {

// The parts' bars from kSongFirstBar: every off-beat, and in bar k a mark a quarter of a beat
// after beat (k - 1) % 4, which tells neighbouring bars apart in pocket's output.
TestSong marked_song(const std::vector<SongPart>& parts) {
  TestSong song;
  song.onsets = off_beats(kSongFirstBar, parts);
  double bar_line = kSongFirstBar;
  int k = 1;
  for (const SongPart& part : parts) {
    const double beat = 60.0 / part.bpm;
    for (int b = 0; b < part.bars; ++b, ++k) {
      song.onsets.push_back(bar_line + beat * ((k - 1) % 4 + 0.25));
      bar_line += part.beats * beat;
    }
  }
  std::sort(song.onsets.begin(), song.onsets.end());
  song.seconds = bar_line + 1.0;
  return song;
}
TestSong marked_song(int bars) { return marked_song({{120.0, bars, 4}}); }

// A marked song of `parts` and its tempo map, written into the rig's folder.
struct SongFiles {
  std::filesystem::path song, tempo_map;
};
SongFiles marked_song_files(const LiveRig& rig, const std::vector<SongPart>& parts) {
  const SongFiles files{rig.dir().path() / "song.wav", rig.dir().path() / "song.mid"};
  write_test_song(files.song, marked_song(parts));
  write_tempo_map(files.tempo_map, parts);
  return files;
}

// The song's onsets in pocket's output, bar by bar: the bar lines are the accented clicks of
// the left channel, the song the right less the left. Each onset is placed in beats from its
// bar line by the click before it, in beats of the tempo the click played there (the nearest of
// `beats`, in frames). Onsets in a beat where the click track slipped (a cycle missed: the next
// click not a beat later), or after the last click, are counted, and placed to a quarter of a
// beat only.
struct SongBars {
  std::vector<long> bar_lines;             // frames
  std::vector<std::vector<double>> beats;  // per bar
  std::size_t placed = 0, slipped = 0;
  long worst = 0;  // frames off a quarter of a beat, over the onsets not next to a slip
};
SongBars song_beats_by_bar(const Channels& c, const std::vector<long>& beats) {
  const std::vector<long> clicks = onsets_in(c.left, 1e-4f, 240);
  SongBars out;
  for (const long click : clicks) {
    float peak = 0.0f;
    for (long i = click; i < click + 240 && i < static_cast<long>(c.left.size()); ++i)
      peak = std::max(peak, std::fabs(c.left[static_cast<std::size_t>(i)]));
    if (peak > 0.5f * (pocket::kAccentPeak + pocket::kBeatPeak)) out.bar_lines.push_back(click);
  }
  std::vector<float> song(c.right.size());
  for (std::size_t i = 0; i < song.size(); ++i) song[i] = c.right[i] - c.left[i];
  out.beats.resize(out.bar_lines.size());
  for (const long s : onsets_in(song, 0.25f, 480)) {
    const auto bar = std::upper_bound(out.bar_lines.begin(), out.bar_lines.end(), s);
    const auto click = std::upper_bound(clicks.begin(), clicks.end(), s);
    if (bar == out.bar_lines.begin()) continue;
    // After the last click, the beat before it tells the tempo.
    const long gap = click != clicks.end()        ? *click - *(click - 1)
                     : click - clicks.begin() > 1 ? *(click - 1) - *(click - 2)
                                                  : 0;
    const long beat = *std::min_element(beats.begin(), beats.end(), [&](long a, long b) {
      return std::labs(gap - a) < std::labs(gap - b);
    });
    const long from_click = s - *(click - 1);
    const double beat_in_bar =
        std::round(static_cast<double>(*(click - 1) - *(bar - 1)) / static_cast<double>(beat));
    const double quarter = std::round(4.0 * static_cast<double>(from_click) / beat) / 4.0;
    out.beats[static_cast<std::size_t>(bar - out.bar_lines.begin() - 1)].push_back(beat_in_bar +
                                                                                   quarter);
    if (click == clicks.end() || std::labs(gap - beat) > 1) {
      ++out.slipped;
      continue;
    }
    ++out.placed;
    out.worst = std::max(out.worst, std::lround(std::fabs(from_click - quarter * beat)));
  }
  return out;
}

// Checks that bar `index` of a song of 4/4 bars at 120 and 100 BPM is at `bpm`, from its length
// to the next bar line: the nearer of 2 s and 2.4 s. Cycles pocket missed lengthen a bar by
// their periods, far less than the 0.4 s between the two.
void check_bar_tempo(const SongBars& heard, std::size_t index, int bpm) {
  const long length = heard.bar_lines.at(index + 1) - heard.bar_lines.at(index);
  INFO("bar line " << index << " to the next: " << length << " frames");
  CHECK((std::labs(length - 96000) < std::labs(length - 115200) ? 120 : 100) == bpm);
}

}  // namespace

TEST_CASE(
    "a section across the song's tempo change loops on the click's bars at both its tempos, "
    "counted in by the bar before it",
    "[jack][backing]") {
  // A song of two bars at 120 BPM and two at 100, each bar marked (see marked_song), its tempo
  // map beside it. Its bars 2 (120) and 3 (100) again and again: the click changes tempo on
  // every bar line of the loop.
  LiveRig rig;
  const std::vector<SongPart> parts = {{120.0, 2, 4}, {100.0, 2, 4}};
  const auto [file, map] = marked_song_files(rig, parts);
  DrummerOptions drummer;
  drummer.jitter_ms = 3.0;
  drummer.seed = 10;
  const Captured run =
      play_captured(rig, drummer,
                    {"play", "--backing", file.string(), "--backing-offset", "1", "--tempo-map",
                     map.string(), "--section", "2:3", "--bars", "6", "--count-in", "1"},
                    40);
  const CommandResult& result = run.result;
  INFO(result.err);
  REQUIRE(result.exit_code == 0);
  const nlohmann::json j = nlohmann::json::parse(result.out);
  CHECK(j["backing"]["section"]["from"] == 2);
  CHECK(j["backing"]["section"]["to"] == 3);
  CHECK(j["backing"]["skips"] == 0);

  // Each bar's song: the off-beats, and the mark of its bar of the song, in beats of the tempo
  // the click plays there. The count-in plays bar 1, then bars 2 and 3 come again and again,
  // each onset on the grid within 1 ms.
  const SongBars heard = song_beats_by_bar(run.output, {24000, 28800});
  INFO(heard.placed << " onsets placed, " << heard.slipped << " next to a slip of the click track, "
                    << heard.worst << " frames off at most");
  REQUIRE(heard.beats.size() >= 6);
  const std::size_t first = heard.beats.size() - 6;
  for (std::size_t b = 0; b < 6; ++b) {
    const double mark = b % 2 == 0 ? 1.25 : 2.25;  // song bars 2 and 3
    std::vector<double> expected = {0.5, 1.5, 2.5, 3.5, mark};
    std::sort(expected.begin(), expected.end());
    INFO("bar " << b << " of the drill");
    CHECK(heard.beats[first + b] == expected);
    // Its tempo from its length (the last bar's end is not captured as a bar line).
    if (first + b + 1 < heard.bar_lines.size())
      check_bar_tempo(heard, first + b, b % 2 == 0 ? 120 : 100);
  }
  if (first >= 1) {  // the count-in bar, when the capture began before it
    const std::vector<double>& count_in = heard.beats[first - 1];
    CHECK(std::count(count_in.begin(), count_in.end(), 0.25) == 1);
  }
  CHECK(heard.placed * 2 >= 6 * 5);
  CHECK(heard.worst <= 48);

  // The per-position table goes by the song's bars.
  std::vector<std::string> positions;
  for (const auto& p : j["positions"]) positions.push_back(p["position"].get<std::string>());
  INFO(j["positions"].dump());
  CHECK(positions ==
        std::vector<std::string>{"2:1", "2:2", "2:3", "2:4", "3:1", "3:2", "3:3", "3:4"});
  const auto shown = run_command(POCKET_BINARY, {"show", "1"}, rig.dir().path());
  CHECK_THAT(shown.out, Catch::Contains("played along with bars 2:3 of song.wav at 100 %") &&
                            Catch::Contains("2:1") && Catch::Contains("3:4"));
}

TEST_CASE("a pause holds the song with the click and both go on from the bar they held at",
          "[jack][backing][remote]") {
  // A bar of pocket's output that plays the song's bar k carries the mark of k (see
  // marked_song). The remote pad pauses mid-session and goes on 3 s later.
  LiveRig rig;
  const auto file = rig.dir().path() / "song.wav";
  write_test_song(file, marked_song(16));
  DrummerOptions drummer;
  drummer.jitter_ms = 3.0;
  drummer.seed = 11;
  drummer.hits = "57@5.0,57@8.0";  // crash2, the remote pad: pause, then go on
  const Captured run =
      play_captured(rig, drummer,
                    {"play", "--backing", file.string(), "--backing-offset", "1", "--bpm", "120",
                     "--bars", "8", "--count-in", "1", "--remote-pad", "crash2"},
                    60);
  INFO(run.result.err);
  REQUIRE(run.result.exit_code == 0);
  const nlohmann::json j = nlohmann::json::parse(run.result.out);
  INFO(j["pauses"].dump());
  REQUIRE(j["pauses"].size() == 1);
  CHECK(j["pauses"][0]["seconds"].get<double>() > 1.0);
  CHECK(j["backing"]["skips"] == 0);

  // The eight bars of the drill play the song's bars 1 to 8, the pause between two of them
  // taking none away and adding none: bar b carries the mark of song bar b + 1.
  const SongBars heard = song_beats_by_bar(run.output, {24000});
  INFO(heard.placed << " onsets placed, " << heard.slipped << " next to a slip of the click track, "
                    << heard.worst << " frames off at most");
  REQUIRE(heard.beats.size() >= 8);
  for (std::size_t b = 0; b < 8; ++b) {
    std::vector<double> expected = {0.5, 1.5, 2.5, 3.5, static_cast<double>(b % 4) + 0.25};
    std::sort(expected.begin(), expected.end());
    INFO("bar " << b << " of the drill");
    CHECK(heard.beats[heard.beats.size() - 8 + b] == expected);
  }
  CHECK(heard.worst <= 48);
}

TEST_CASE("a pause on the bar line of the song's tempo change goes on at the new tempo there",
          "[jack][backing][remote]") {
  // Two bars at 120 BPM, then four at 100, each bar marked (see marked_song), with its tempo
  // map. The remote pad is struck in the drill's second bar: the click holds at the next bar
  // line, the one where the song slows to 100, and goes on 3 s later from that bar.
  LiveRig rig;
  const std::vector<SongPart> parts = {{120.0, 2, 4}, {100.0, 4, 4}};
  const auto [file, map] = marked_song_files(rig, parts);
  DrummerOptions drummer;
  drummer.jitter_ms = 3.0;
  drummer.seed = 12;
  drummer.hits = "57@5.0,57@8.0";  // crash2, the remote pad: pause, then go on
  const Captured run =
      play_captured(rig, drummer,
                    {"play", "--backing", file.string(), "--backing-offset", "1", "--tempo-map",
                     map.string(), "--bars", "6", "--count-in", "1", "--remote-pad", "crash2"},
                    60);
  INFO(run.result.err);
  REQUIRE(run.result.exit_code == 0);
  const nlohmann::json j = nlohmann::json::parse(run.result.out);
  INFO("pauses " << j["pauses"].dump() << ", the remote " << j["remote"].dump());
  REQUIRE(j["pauses"].size() == 1);
  REQUIRE(j["pauses"][0]["bar"] == 2);  // the drill's third bar: the song's change to 100 BPM
  CHECK(j["backing"]["skips"] == 0);

  // The six bars play the song's bars 1 to 6, the pause taking none away and adding none, the
  // first two at 120 BPM and from the held bar line on at 100.
  const SongBars heard = song_beats_by_bar(run.output, {24000, 28800});
  INFO(heard.placed << " onsets placed, " << heard.slipped << " next to a slip of the click track, "
                    << heard.worst << " frames off at most");
  REQUIRE(heard.beats.size() >= 6);
  const std::size_t first = heard.beats.size() - 6;
  for (std::size_t b = 0; b < 6; ++b) {
    std::vector<double> expected = {0.5, 1.5, 2.5, 3.5, static_cast<double>(b % 4) + 0.25};
    std::sort(expected.begin(), expected.end());
    INFO("bar " << b << " of the drill");
    CHECK(heard.beats[first + b] == expected);
    // Its tempo from its length, but across the pause (bar 1's) and past the capture's last
    // bar line.
    if (b != 1 && first + b + 1 < heard.bar_lines.size())
      check_bar_tempo(heard, first + b, b < 2 ? 120 : 100);
  }
  CHECK(heard.placed * 2 >= 6 * 5);
  CHECK(heard.worst <= 48);
  // pocket's own bar lines say the same tempos.
  CHECK_THAT(run.result.err,
             Catch::Contains("bar   2 at 120 BPM") && Catch::Contains("bar   3 at 100 BPM"));
}

TEST_CASE("a groove drill plays along with a song at 80 percent and scores the groove's notes",
          "[jack][backing][groove]") {
  // The hip-hop groove at 87 BPM: the song is at the groove's tempo, and 80 % slows both.
  pocket::Drill drill = shipped_presets().drill("groove-hiphop").drill;
  pocket::play_groove(drill,
                      pocket::read_groove(drill.groove->file, shipped_kit(drill.groove->map)));
  REQUIRE(drill.bpm == 87.0);
  constexpr long kCountInClicks = 4, kSlotsPerClick = 4, kBars = 4;
  LiveRig rig;
  const auto file = rig.dir().path() / "song.wav";
  TestSong song;
  song.onsets = off_beats(kSongFirstBar, 87.0, kBars + 2);
  song.seconds = song.onsets.back() + 2.0;
  write_test_song(file, song);
  const pocket::DrumMap kit = shipped_kit("gm");  // the rig's: pocket's default kit
  DrummerOptions drummer;
  drummer.subdivide = kSlotsPerClick;
  drummer.position_notes = position_notes(drill, kit, kCountInClicks * kSlotsPerClick);
  drummer.jitter_ms = 2.0;
  const Captured run =
      play_captured(rig, drummer,
                    {"drill", "groove-hiphop", "--max-bars", std::to_string(kBars), "--backing",
                     file.string(), "--backing-offset", "1", "--speed", "80%"},
                    60);
  INFO(run.result.err);
  REQUIRE(run.result.exit_code == 0);
  const nlohmann::json j = nlohmann::json::parse(run.result.out);
  CHECK(j["bpm"].get<double>() == Approx(87.0 * 0.8));
  CHECK(j["backing"]["speed"].get<double>() == Approx(0.8));
  CHECK(j["backing"]["skips"] == 0);

  // The song on the slowed grid, within 5 ms (Rubber Band's stretch).
  check_song_at_tempos(run.output, {87.0 * 0.8});

  // Every note the drummer played of the groove, away from a late cycle, is scored on its pad
  // and slot, and nothing it played is taken for another note.
  const long positions = static_cast<long>(drill.pattern.front().marks.size());
  const long slots = kBars * (positions / static_cast<long>(drill.meters.size()));
  const Disturbances disturbances = rig.disturbances(j);
  std::set<std::pair<std::string, long>> played, near_disturbance, matched;
  for (const DrummerStroke& s :
       LiveRig::after_count_in(rig.numbered_by_onsets(run.played, j), kCountInClicks)) {
    const long slot = (s.click_index - kCountInClicks) * kSlotsPerClick + s.part;
    if (slot >= slots) continue;
    const std::pair<std::string, long> note{
        kit.pad_names().at(static_cast<std::size_t>(kit.pad_of(s.note))), slot};
    played.insert(note);
    if (LiveRig::disturbed(s, disturbances)) near_disturbance.insert(note);
  }
  for (const auto& s : j["strokes"])
    if (s["matched"].get<bool>()) matched.insert({s["pad"], s["slot"].get<long>()});
  std::size_t checked = 0;
  for (const auto& note : played) {
    if (near_disturbance.count(note) > 0) continue;
    INFO(note.first << " at slot " << note.second);
    CHECK(matched.count(note) == 1);
    ++checked;
  }
  INFO(near_disturbance.size() << " notes next to a late cycle left out");
  CHECK(played.size() > 40);
  CHECK(checked * 4 > played.size() * 3);
  CHECK(j["extra"] == 0);
}
