// The backing song's parts without a device: the file made into frames at the device's rate
// and speed, the ring a reader thread fills, and the mixer that puts each frame on its track
// frame, through holds and a reader that falls behind.
#include <algorithm>
#include <atomic>
#include <cmath>
#include <thread>
#include <vector>

#include <catch2/catch.hpp>

#include "audio/click_engine.hpp"
#include "audio/click_sound.hpp"
#include "audio/song_mixer.hpp"
#include "audio/song_plan.hpp"
#include "audio/song_source.hpp"
#include "audio/song_stream.hpp"
#include "core/errors.hpp"
#include "support/temp_dir.hpp"
#include "support/test_song.hpp"

using namespace pocket;
using namespace pocket::test;

namespace {

// Every frame a source makes, its right channel.
std::vector<float> right_of(SongSource& source) {
  std::vector<float> right, block(2 * SongSource::kBlock);
  while (const std::size_t n = source.produce(block.data(), SongSource::kBlock))
    for (std::size_t i = 0; i < n; ++i) right.push_back(block[2 * i + 1]);
  return right;
}

// The song's onsets, in frames at `rate`, where a source at `speed` from `start` puts them.
std::vector<long> expected_frames(const TestSong& song, double rate, double speed,
                                  double start = 0.0) {
  std::vector<long> frames;
  for (const double t : song.onsets)
    if (t >= start) frames.push_back(std::lround((t - start) / speed * rate));
  return frames;
}

// The largest distance between found and expected onsets, in frames (they must pair up).
long worst(const std::vector<long>& found, const std::vector<long>& expected) {
  REQUIRE(found.size() == expected.size());
  long most = 0;
  for (std::size_t i = 0; i < found.size(); ++i)
    most = std::max(most, std::labs(found[i] - expected[i]));
  return most;
}

TestSong song_at(int rate) {
  TestSong song;
  song.rate = rate;
  song.seconds = 12.0;
  song.onsets = off_beats(1.0, 100.0, 4);  // 16 off-beats from 1 s on
  return song;
}

// Song frames that count: frame n is n + 1 in both channels; `withheld` frames are kept back
// until released, as from a reader that stalled.
class CountingFrames final : public SongFrames {
 public:
  explicit CountingFrames(long length) : length_(length) {}
  std::size_t pop(float* out, std::size_t frames) override {
    const long room = std::min<long>(length_, released_) - next_;
    const auto n = static_cast<std::size_t>(std::clamp<long>(room, 0, static_cast<long>(frames)));
    for (std::size_t i = 0; i < n; ++i) out[2 * i] = out[2 * i + 1] = static_cast<float>(++next_);
    return n;
  }
  bool ended() const override { return released_ >= length_; }
  void release_up_to(long frame) { released_ = frame; }

 private:
  long length_;
  long released_ = 1L << 40;
  long next_ = 0;
};

}  // namespace

TEST_CASE("a song at the device's rate and full speed is the file's own frames", "[song]") {
  TempDir dir;
  const TestSong song = song_at(48000);
  write_test_song(dir.path() / "song.wav", song);
  SongSource source({(dir.path() / "song.wav").string(), 48000.0, 1.0, 0.0});
  CHECK_FALSE(source.resampled());
  CHECK_FALSE(source.stretched());
  const std::vector<float> right = right_of(source);
  CHECK(right.size() == 12 * 48000);
  CHECK(worst(onsets_in(right, 0.25f, 480), expected_frames(song, 48000.0, 1.0)) == 0);
}

TEST_CASE("a song starts where it is asked to, to the frame", "[song]") {
  TempDir dir;
  const TestSong song = song_at(48000);
  write_test_song(dir.path() / "song.flac", [&] {
    TestSong s = song;
    s.format = SF_FORMAT_FLAC | SF_FORMAT_PCM_24;
    return s;
  }());
  SongSource source({(dir.path() / "song.flac").string(), 48000.0, 1.0, 2.5});
  const std::vector<float> right = right_of(source);
  CHECK(worst(onsets_in(right, 0.25f, 480), expected_frames(song, 48000.0, 1.0, 2.5)) == 0);
}

TEST_CASE("a song at 44.1 kHz is resampled to the device's rate with its onsets in place",
          "[song]") {
  TempDir dir;
  const TestSong song = song_at(44100);
  write_test_song(dir.path() / "song.wav", song);
  SongSource source({(dir.path() / "song.wav").string(), 48000.0, 1.0, 0.0});
  CHECK(source.resampled());
  CHECK(source.file_rate() == 44100);
  const std::vector<float> right = right_of(source);
  CHECK(std::labs(static_cast<long>(right.size()) - 12 * 48000) <= 2);
  // Within 0.1 ms: the burst's first peak, resampled, may land between two frames.
  CHECK(worst(onsets_in(right, 0.25f, 480), expected_frames(song, 48000.0, 1.0)) <= 5);
}

TEST_CASE("a song slowed to 75 percent keeps its onsets within 5 ms of their slowed times",
          "[song]") {
  TempDir dir;
  const TestSong song = song_at(48000);
  write_test_song(dir.path() / "song.wav", song);
  SongSource source({(dir.path() / "song.wav").string(), 48000.0, 0.75, 0.0});
  CHECK(source.stretched());
  const std::vector<float> right = right_of(source);
  CHECK(std::labs(static_cast<long>(right.size()) - 16 * 48000) <= 1);
  const long most = worst(onsets_in(right, 0.25f, 480), expected_frames(song, 48000.0, 0.75));
  INFO("worst onset " << most << " frames off");
  CHECK(most <= 240);
}

TEST_CASE("a song file that is missing or not audio is one clear line", "[song]") {
  TempDir dir;
  CHECK_THROWS_WITH(SongSource({(dir.path() / "gone.wav").string(), 48000.0, 1.0, 0.0}),
                    Catch::Contains("gone.wav") && Catch::Contains("no such file"));
  const auto text = dir.path() / "notes.wav";
  std::FILE* f = std::fopen(text.c_str(), "w");
  std::fputs("not a song\n", f);
  std::fclose(f);
  CHECK_THROWS_WITH(SongSource({text.string(), 48000.0, 1.0, 0.0}),
                    Catch::Contains("notes.wav") && Catch::Contains("not an audio file"));
}

TEST_CASE("the song's reader fills the ring ahead and the whole song comes through it", "[song]") {
  TempDir dir;
  const TestSong song = song_at(48000);
  write_test_song(dir.path() / "song.wav", song);
  SongStream stream(std::make_unique<SongSource>(
      SongSettings{(dir.path() / "song.wav").string(), 48000.0, 1.0, 0.0}));
  stream.start();
  std::vector<float> right, block(2 * 128);
  while (true) {
    const std::size_t n = stream.pop(block.data(), 128);
    for (std::size_t i = 0; i < n; ++i) right.push_back(block[2 * i + 1]);
    if (n == 0 && stream.ended() && stream.pop(block.data(), 1) == 0) break;
    if (n == 0) std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
  CHECK(right.size() == 12 * 48000);
  CHECK(worst(onsets_in(right, 0.25f, 480), expected_frames(song, 48000.0, 1.0)) == 0);
}

TEST_CASE("a song kept before a bar line waits there and goes on from it at the speed it is told",
          "[song]") {
  // 8 bars at 120 BPM from 1 s: a bar is 2 s. Slowed to 75 % a bar is 128000 frames, and bar 2
  // starts at song frame 256000; from there the song goes on at 90 %.
  TempDir dir;
  TestSong song;
  song.seconds = 20.0;
  song.onsets = off_beats(1.0, 120.0, 8);
  write_test_song(dir.path() / "song.wav", song);
  SongStream stream(std::make_unique<SongSource>(
      SongSettings{(dir.path() / "song.wav").string(), 48000.0, 0.75, 1.0}));
  constexpr long kTurn = 256000;
  stream.read_up_to(kTurn);
  stream.start();
  std::vector<float> right, block(2 * 512);
  const auto take = [&](long until) {
    for (int idle = 0; static_cast<long>(right.size()) < until && idle < 2000;) {
      const auto want = static_cast<std::size_t>(std::min<long>(512, until - right.size()));
      const std::size_t n = stream.pop(block.data(), want);
      for (std::size_t i = 0; i < n; ++i) right.push_back(block[2 * i + 1]);
      if (n == 0 && stream.ended()) break;
      idle = n == 0 ? idle + 1 : 0;
      if (n == 0) std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }
  };
  take(kTurn + 1);
  CHECK(static_cast<long>(right.size()) == kTurn);  // not a frame past the bar line
  CHECK_FALSE(stream.ended());

  stream.turn({kTurn, 5.0, 0.9});
  stream.read_up_to(SongStream::kNoLimit);
  take(1L << 30);
  CHECK(stream.ended());
  std::vector<long> expected;
  for (const double t : song.onsets)
    expected.push_back(t < 5.0 ? std::lround((t - 1.0) / 0.75 * 48000.0)
                               : kTurn + std::lround((t - 5.0) / 0.9 * 48000.0));
  const long most = worst(onsets_in(right, 0.25f, 480), expected);
  INFO("worst onset " << most << " frames off");
  CHECK(most <= 240);
  // The rest of the song, 15 s of it after bar 2's line, at 90 %.
  CHECK(std::labs(static_cast<long>(right.size()) - kTurn - std::lround(15.0 / 0.9 * 48000.0)) <=
        1);
}

TEST_CASE(
    "a song's plan turns back at each pass of a section and keeps a ladder's changes in order",
    "[song]") {
  // Bars of 2 s from 5 s into the file, the session's bar 0 at 2 s on the track; two bars
  // looped. Frames at 48 kHz.
  SongPlan plan({5.0, {{0, 2.0}}, 1.0, 2.0, 48000.0, 0, 2});
  const auto is = [](const SongTurn& t, long frame, double file_seconds, double speed) {
    INFO("turn at " << t.frame << " to " << t.file_seconds << " s at " << t.speed);
    CHECK(t.frame == frame);
    CHECK(t.file_seconds == Approx(file_seconds));
    CHECK(t.speed == speed);
  };
  std::vector<SongTurn> turns = plan.turns_before(5);  // the passes starting on bars 2 and 4
  REQUIRE(turns.size() == 2);
  is(turns[0], 6 * 48000, 5.0, 1.0);
  is(turns[1], 10 * 48000, 5.0, 1.0);
  CHECK(plan.turns_before(5).empty());  // given once
  // A ladder's step on bar 5, in the middle of a pass: the song goes on from its bar 2 slower.
  const auto slower = plan.speed_from(5, 0.8);
  REQUIRE(slower);
  is(*slower, 12 * 48000, 7.0, 0.8);
  // Bars of 2.5 s from there on.
  turns = plan.turns_before(9);
  REQUIRE(turns.size() == 2);
  is(turns[0], std::lround(14.5 * 48000), 5.0, 0.8);
  is(turns[1], std::lround(19.5 * 48000), 5.0, 0.8);
  // A step on a pass's first bar is that pass's turn too.
  const auto on_pass = plan.speed_from(10, 0.9);
  REQUIRE(on_pass);
  is(*on_pass, std::lround(24.5 * 48000), 5.0, 0.9);
  turns = plan.turns_before(13);
  REQUIRE(turns.size() == 1);
  is(turns[0], std::lround((24.5 + 4.0 / 0.9) * 48000), 5.0, 0.9);
  CHECK_FALSE(plan.speed_from(13, 0.9));  // the same speed: nothing to turn
  CHECK(plan.frame_of(14) == std::lround((24.5 + 8.0 / 0.9) * 48000));
}

TEST_CASE("a song's plan follows its bars' lengths through tempo and meter changes", "[song]") {
  // Bars of 2.4 s (4/4 at 100 BPM) to bar 4, one of 1.5 s (3/4 at 120), then 2 s (4/4 at 120),
  // from 1 s into the file; the session's bar 0 at 2 s on the track, the song at 75 %.
  SongPlan plan({1.0, {{0, 2.4}, {4, 1.5}, {5, 2.0}}, 0.75, 2.0, 48000.0, 0, 0});
  CHECK(plan.file_seconds_of(4) == Approx(1.0 + 9.6));
  CHECK(plan.file_seconds_of(7) == Approx(1.0 + 9.6 + 1.5 + 4.0));
  CHECK(plan.frame_of(6) == std::lround((2.0 + (9.6 + 1.5 + 2.0) / 0.75) * 48000));
  // A ladder's step on bar 5: the song goes on from its bar 5 at 90 %.
  const auto step = plan.speed_from(5, 0.9);
  REQUIRE(step);
  CHECK(step->frame == std::lround((2.0 + 11.1 / 0.75) * 48000));
  CHECK(step->file_seconds == Approx(1.0 + 11.1));
  CHECK(plan.frame_of(8) == std::lround((2.0 + 11.1 / 0.75 + 6.0 / 0.9) * 48000));
}

TEST_CASE("the mixer puts song frame n on track frame origin plus n, held where the click holds",
          "[song]") {
  CountingFrames frames(1 << 20);
  SongMixer mixer(frames, 1.0f, 100);
  std::vector<float> left(1000, 0.0f), right(1000, 0.0f);
  mixer.mix(left.data(), right.data(), 1000, 0);  // track frames 0..999
  CHECK(left[99] == 0.0f);
  CHECK(left[100] == 1.0f);  // song frame 0 counts 1
  CHECK(right[999] == 900.0f);
  // The click holds at 1500 and goes on at 2700: the song stops and goes on where it stopped.
  mixer.hold_from(1500);
  std::fill(left.begin(), left.end(), 0.0f);
  mixer.mix(left.data(), nullptr, 1000, 1000);  // mono: both channels' mean
  CHECK(left[499] == 1400.0f);
  CHECK(left[500] == 0.0f);
  mixer.resume_at(2700);
  std::fill(left.begin(), left.end(), 0.0f);
  mixer.mix(left.data(), nullptr, 1000, 2000);
  CHECK(left[699] == 0.0f);
  CHECK(left[700] == 1401.0f);
  CHECK(mixer.skips() == 0);
}

TEST_CASE("a song whose frames come late skips once and goes on where it should be by then",
          "[song]") {
  CountingFrames frames(1 << 20);
  SongMixer mixer(frames, 1.0f, 0);
  std::vector<float> left(128), right(128);
  long track = 0;
  const auto play = [&] {
    std::fill(left.begin(), left.end(), 0.0f);
    std::fill(right.begin(), right.end(), 0.0f);
    mixer.mix(left.data(), right.data(), 128, track);
    track += 128;
  };
  for (int i = 0; i < 10; ++i) play();
  frames.release_up_to(track + 64);  // the reader stalls half a buffer in
  for (int i = 0; i < 20; ++i) play();
  CHECK(mixer.skips() == 1);
  frames.release_up_to(1L << 40);  // and catches up
  play();
  CHECK(mixer.skips() == 1);
  for (std::size_t i = 0; i < 128; ++i) CHECK(left[i] == static_cast<float>(track - 128 + i + 1));
  CHECK_FALSE(mixer.finished());
}

TEST_CASE("the click engine holds the song with the click and goes on with it at the bar line",
          "[song]") {
  // 120 BPM in 4/4 with a bar of count-in: the bar lines are 96000 frames apart.
  ClickPattern pattern;
  pattern.count_in_bars = 1;
  LiveSchedule schedule(MeterCycle(4, 4), 120.0, pattern, 48000.0, 8);
  const ClickSound sound = synthesize_click("woodblock", 48000.0);
  ClickEngine engine(schedule, sound, 48000.0);
  CountingFrames frames(1 << 22);
  SongMixer song(frames, 1.0f, 96000);  // song frame 0 on bar 0's line, after the count-in
  engine.attach_song(&song);
  engine.set_click_gain(0.0f);  // the song alone
  std::vector<float> left, right, buffer_left(128), buffer_right(128);
  const auto play = [&](int buffers) {
    for (int i = 0; i < buffers; ++i) {
      engine.render(buffer_left.data(), 128, 0.0, 0, buffer_right.data());
      left.insert(left.end(), buffer_left.begin(), buffer_left.end());
      right.insert(right.end(), buffer_right.begin(), buffer_right.end());
    }
  };
  play(1000);                        // to frame 128000, in bar 0
  REQUIRE(engine.request_pause(1));  // hold at bar 1's line, frame 192000
  play(1000);                        // to 256000: held since 192000
  REQUIRE(engine.request_resume_at(300000.0 / 48000.0));
  play(1000);  // to 384000
  CHECK(left[95999] == 0.0f);
  CHECK(left[96000] == 1.0f);
  CHECK(right[191999] == 96000.0f);  // the last song frame before the hold
  CHECK(left[192000] == 0.0f);
  CHECK(left[299999] == 0.0f);
  CHECK(left[300000] == 96001.0f);  // the next, on the resumed bar line
  CHECK(right[383999] == 96000.0f + 84000.0f);
  CHECK(song.skips() == 0);
}

TEST_CASE("a hold on the line of a resume not yet reached keeps the first hold's length",
          "[song]") {
  CountingFrames frames(1 << 20);
  SongMixer mixer(frames, 1.0f, 0);
  std::vector<float> left(1000, 0.0f);
  mixer.hold_from(100);  // held from 100...
  mixer.mix(left.data(), nullptr, 200, 0);
  mixer.resume_at(300);  // ...to go on at 300...
  mixer.hold_from(300);  // ...but held again right there, before 300 came
  mixer.resume_at(600);
  mixer.mix(left.data() + 200, nullptr, 800, 200);
  CHECK(left[99] == 100.0f);
  CHECK(left[100] == 0.0f);
  CHECK(left[599] == 0.0f);
  CHECK(left[600] == 101.0f);  // song frame 100: neither hold skipped any of the song
  CHECK(left[999] == 500.0f);
}

TEST_CASE("a song's plan loops a section whose tempo changes with each pass the same length",
          "[song]") {
  // A section of two bars of 2 s (120 BPM) and one of 2.4 s (100 BPM), from 5 s into the file;
  // the session's bar 0 at 2 s on the track, at full speed. A pass is 6.4 s long.
  SongPlan plan({5.0, {{0, 2.0}, {2, 2.4}}, 1.0, 2.0, 48000.0, 0, 3});
  CHECK(plan.file_seconds_of(2) == Approx(9.0));
  CHECK(plan.file_seconds_of(5) == Approx(9.0));  // the second pass's third bar
  CHECK(plan.frame_of(3) == std::lround(8.4 * 48000));
  CHECK(plan.frame_of(5) == std::lround(12.4 * 48000));
  CHECK(plan.frame_of(7) == std::lround(16.8 * 48000));
  const std::vector<SongTurn> turns = plan.turns_before(7);  // the passes on bars 3 and 6
  REQUIRE(turns.size() == 2);
  CHECK(turns[0].frame == std::lround(8.4 * 48000));
  CHECK(turns[1].frame == std::lround(14.8 * 48000));
  CHECK(turns[1].file_seconds == Approx(5.0));
}

TEST_CASE("a song's plan in a cycle of meters turns a ladder's step on the cycle's bar lines",
          "[song]") {
  // Bars of 7/3 s and 8/3 s again and again (7/8 and 4/4), from 1 s into the file; the
  // session's bar 0 at 2 s on the track, at 75 %.
  SongPlan plan({1.0, {{0, 7.0 / 3.0}, {1, 8.0 / 3.0}}, 0.75, 2.0, 48000.0, 0, 0, 2});
  CHECK(plan.file_seconds_of(5) == Approx(1.0 + 2 * 5.0 + 7.0 / 3.0));
  const auto step = plan.speed_from(5, 0.8);
  REQUIRE(step);
  CHECK(step->frame == std::lround((2.0 + (2 * 5.0 + 7.0 / 3.0) / 0.75) * 48000));
  CHECK(step->file_seconds == Approx(1.0 + 2 * 5.0 + 7.0 / 3.0));
  CHECK(plan.frame_of(7) == std::lround((2.0 + (12.0 + 1.0 / 3.0) / 0.75 + 5.0 / 0.8) * 48000));
}
