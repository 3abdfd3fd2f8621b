// The audio and MIDI callbacks neither allocate nor take a lock, and underflows are counted:
// first with each path driven by hand, then inside the real callbacks of a JACK session.
#include <chrono>
#include <thread>

#include <catch2/catch.hpp>

#include "audio/click_stream.hpp"
#include "audio/song_mixer.hpp"
#include "audio/song_stream.hpp"
#include "jack/jack_engine.hpp"
#include "jack_server.hpp"
#include "midi/midi_input.hpp"
#include "support/background_process.hpp"
#include "support/realtime_watch.hpp"
#include "support/shipped_presets.hpp"
#include "support/temp_dir.hpp"
#include "support/test_song.hpp"

using namespace pocket;
using namespace std::chrono_literals;

namespace {

// A song at 44.1 kHz, resampled and slowed by its reader as the callback mixes it.
struct PlayingSong {
  explicit PlayingSong(const test::TempDir& dir)
      : stream([&] {
          test::TestSong song;
          song.rate = 44100;
          song.seconds = 30.0;
          song.onsets = test::off_beats(0.0, 120.0, 15);
          write_test_song(dir / "song.wav", song);
          return std::make_unique<SongStream>(std::make_unique<SongSource>(
              SongSettings{(dir / "song.wav").string(), 48000.0, 0.75, 0.0}));
        }()),
        mixer(*stream, 1.0f, 0) {}
  std::unique_ptr<SongStream> stream;
  SongMixer mixer;
};

}  // namespace

TEST_CASE(
    "the audio callback renders, changes tempo, silence and pauses, publishes without "
    "allocating",
    "[jack][realtime]") {
  test::JackServer jack;
  PortAudioSession session;
  ClickPattern pattern;
  pattern.subdivision = 4;
  pattern.count_in_bars = 1;
  pattern.accents = "XxXxXxx|Xxxx";
  pattern.random_mute = {40.0, 8, 3};  // decided on the audio thread, from the seed
  LiveSchedule schedule(parse_meter_cycle("7/8,4/4"), 120.0, pattern, 48000.0, -1);
  const ClickSound sound = synthesize_click("woodblock", 48000.0);
  ClickStream stream(schedule, sound, {});  // opened, never started: the test is the audio thread
  // With a song: mixed, held and taken up again with the click, and short of frames whenever
  // its reader falls behind this loop, which runs faster than any device.
  const test::TempDir dir;
  PlayingSong song(dir);
  song.stream->start();
  stream.click().attach_song(&song.mixer);
  std::vector<float> buffer(2 * 256);
  double song_level = 0.0;
  std::size_t allocations = 0, locks = 0;
  std::int64_t buffers = 0;
  for (bool going = true; going; ++buffers) {
    if (buffers % 300 == 0)
      stream.click().request_tempo(schedule.current().bar + 1, 100.0 + buffers / 30.0);
    // The player's click modes: a silence until told, its end, a gap of two bars.
    if (buffers % 500 == 100) stream.click().request_silence(schedule.current().bar + 1, INT64_MAX);
    if (buffers % 500 == 300) stream.click().request_end_silence(schedule.current().bar + 1);
    if (buffers % 500 == 400)
      stream.click().request_silence(schedule.current().bar + 2, schedule.current().bar + 4);
    // The player's pause key: held at a bar line, then going on half a second later, after the
    // buffer or (a start hit's, a remote pad's) at a time on the click track.
    if (buffers % 700 == 200) stream.click().request_pause(schedule.current().bar + 1);
    if (buffers % 1400 == 600) stream.click().request_resume(0.5);
    if (buffers % 1400 == 1300) stream.click().request_resume_at(buffers * 256 / 48000.0 + 0.5);
    if (buffers == 9000) stream.click().request_finish();
    const bool underflow = buffers % 1000 == 999;
    const test::ArmedThread armed;
    going = stream.process(buffer.data(), 256, buffers * 256 / 48000.0, underflow);
    allocations += armed.counts().allocations;
    locks += armed.counts().locks;
    for (std::size_t i = 0; i < buffer.size(); i += 2)
      song_level += std::fabs(buffer[i + 1] - buffer[i]);
  }
  CHECK(buffers > 9000);
  CHECK(song_level > 0.0);  // the song was heard (its right channel, less the click's)
  CHECK(allocations == 0);
  CHECK(locks == 0);
  int silenced = 0, random = 0;
  for (ClickEvent c; stream.click().pop_click(c);) {
    silenced += c.muted_by == MuteReason::silenced;
    random += c.muted_by == MuteReason::random;
  }
  CHECK(silenced > 0);
  CHECK(random > 0);
  CHECK(stream.click().underflows() == buffers / 1000);
  // Nobody drained the queues: the overflow is counted, not blocked on.
  CHECK(stream.click().dropped_records() > 0);
  int held = 0, resumed_later = 0;
  double held_at = 0.0;
  for (SectionStart s; stream.click().pop_section(s);) {
    CHECK(s.bpm >= 100.0);
    if (s.held) {
      ++held;
      held_at = s.start_seconds;
    } else if (held > 0 && s.start_seconds > held_at + 0.5) {
      ++resumed_later;  // the held bar started again after the pause, not on its old time
    }
  }
  CHECK(held > 0);
  CHECK(resumed_later > 0);
}

TEST_CASE("the MIDI callback filters and queues strokes without allocating", "[jack][realtime]") {
  test::JackServer jack;
  const DrumMap map = pocket::test::shipped_kit("gm");
  double now = 0.0;
  MidiInput input({"jack", "virtual", 10.0}, map,
                  StreamClock{[](const void* t) { return *static_cast<const double*>(t); }, &now});
  std::size_t allocations = 0, locks = 0;
  for (int i = 0; i < 20000; ++i) {
    now = i * 0.05;
    const unsigned char note_on[3] = {0x99, static_cast<unsigned char>(i % 2 ? 38 : 36), 100};
    const unsigned char pedal[3] = {0xb9, 4, 127};
    const unsigned char echo[3] = {0x99, 38, 40};
    const test::ArmedThread armed;
    input.on_message(note_on, 3);
    input.on_message(pedal, 3);
    if (i % 10 == 1) input.on_message(echo, 3);  // within 10 ms: a double trigger
    allocations += armed.counts().allocations;
    locks += armed.counts().locks;
  }
  CHECK(allocations == 0);
  CHECK(locks == 0);
  CHECK(input.strokes().double_triggers() == 2000);
  Stroke stroke;
  std::size_t queued = 0;
  while (input.strokes().pop(stroke)) ++queued;
  // Nobody drained the queue: what did not fit was counted, not blocked on.
  CHECK(input.strokes().dropped() > 0);
  CHECK(queued + static_cast<std::size_t>(input.strokes().dropped()) == 20000);
}

// The same promise where it matters: inside the callbacks really called on JACK's threads, while
// the click changes tempo, goes silent and pauses, and a kit floods pocket's port with notes,
// MIDI clock and active sensing. Both paths: PortAudio's and RtMidi's callbacks (the path on
// ALSA, run here on their JACK backends), and pocket's own JACK client.
namespace {

struct WatchedRun {
  test::RealtimeCounts counts;
  std::int64_t strokes = 0, clicks = 0, audio_callbacks = 0;
};

WatchedRun play_and_flood(ClickOutput& output, KitInput& kit, const std::string& midi_port) {
  const test::TempDir dir;
  test::BackgroundProcess flood(
      MIDI_FLOOD_BINARY,
      {"--play-to", midi_port, "--rate", "2000", "--seconds", "6", "--notes", "36,38,42,44"},
      dir / "flood.out", dir / "flood.err");
  ClickEngine& click = output.click();
  WatchedRun run;
  std::int64_t bars_requested = 0;
  {
    const test::CallbackWatch watch;
    output.start();
    const auto until = std::chrono::steady_clock::now() + 6s;
    for (int tick = 0; std::chrono::steady_clock::now() < until; ++tick) {
      // Every 100 ms the player (or the coach) asks for something at the next bar line.
      if (tick % 10 == 0) {
        ClickEvent latest{};
        bool any = false;
        for (ClickEvent c; click.pop_click(c); ++run.clicks) latest = c, any = true;
        const std::int64_t next = any ? latest.bar + 1 : 1;
        switch (bars_requested++ % 5) {
          case 0: click.request_tempo(next, 140.0 + static_cast<double>(tick % 40)); break;
          case 1: click.request_silence(next, next + 1); break;
          case 2: click.request_pause(next); break;
          case 3: click.request_resume(0.1); break;
          case 4: click.request_tempo(next, 170.0); break;
        }
      }
      for (Stroke s; kit.strokes().pop(s);) ++run.strokes;
      for (AudioAnchor a; click.pop_anchor(a);) {
      }
      for (SectionStart s; click.pop_section(s);) {
      }
      std::this_thread::sleep_for(10ms);
    }
    run.audio_callbacks = click.callbacks();  // before the counts: every one was watched
    run.counts = watch.counts();
  }
  output.stop();
  flood.wait(10s);
  return run;
}

LiveSchedule changing_schedule() {
  ClickPattern pattern;
  pattern.subdivision = 4;
  pattern.count_in_bars = 1;
  pattern.random_mute = {30.0, 8, 5};
  return LiveSchedule(parse_meter_cycle("4/4"), 150.0, pattern, 48000.0, -1);
}

}  // namespace

TEST_CASE("the real audio and MIDI callbacks of a JACK session neither allocate nor lock",
          "[jack][realtime]") {
  test::JackServer jack;
  LiveSchedule schedule = changing_schedule();
  const ClickSound sound = synthesize_click("woodblock", 48000.0);
  const DrumMap map = pocket::test::shipped_kit("gm");
  WatchedRun run;
  SECTION("PortAudio and RtMidi") {
    PortAudioSession session;
    ClickStream stream(schedule, sound, {});
    MidiInput input(
        {"jack", "virtual", 10.0}, map,
        StreamClock{[](const void* s) { return static_cast<const ClickStream*>(s)->stream_time(); },
                    &stream});
    run = play_and_flood(stream, input, "pocket-midi:pocket");
    // RtMidi calls a callback of its own for every message: those were watched too.
    CHECK(run.counts.calls > static_cast<std::size_t>(run.audio_callbacks) + 5000);
  }
  SECTION("pocket's own JACK client, with a song") {
    JackEngine engine(schedule, sound, {}, {"jack", "virtual", 10.0}, map);
    const test::TempDir dir;
    PlayingSong song(dir);
    song.stream->start();
    engine.click().attach_song(&song.mixer);
    run = play_and_flood(engine, engine, JackEngine::kMidiInPort);
    // One callback reads the kit and renders the click: every cycle was watched.
    CHECK(run.counts.calls >= static_cast<std::size_t>(run.audio_callbacks));
  }
  INFO(run.counts.calls << " callbacks watched, " << run.strokes << " strokes, " << run.clicks
                        << " clicks, " << run.audio_callbacks << " audio callbacks");
  // The callbacks ran, many times: 6 s of 128-frame buffers, and thousands of MIDI events.
  CHECK(run.audio_callbacks > 1000);
  CHECK(run.strokes > 1000);
  CHECK(run.clicks > 20);
  CHECK(run.counts.allocations == 0);
  CHECK(run.counts.locks == 0);
}
