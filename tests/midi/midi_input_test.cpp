// MidiInput's message handling on the ALSA path, without a sequencer: the test reads the stream
// clock for the MIDI thread and hands over the stamp differences RtMidi would pass (`deltatime`,
// the differences of the sequencer's kernel stamps). No test here opens a port.
#include <array>
#include <memory>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "midi/midi_input.hpp"
#include "support/realtime_watch.hpp"
#include "support/shipped_presets.hpp"

using namespace pocket;

namespace {

constexpr unsigned char kKick = 36;
constexpr unsigned char kSnare = 38;
constexpr unsigned char kCrash = 49;
constexpr double kExact = 1e-9;

using Message = std::array<unsigned char, 3>;

// A kit (on the ALSA path unless told) whose MIDI thread wakes up when the test says. The
// sequencer's queue started at `queue_start_` on the stream clock: a stamp is the time since.
class Kit {
 public:
  explicit Kit(const std::string& api = "alsa") {
    MidiInputSettings settings;
    settings.api = api;
    input_ =
        MidiInput::without_port(settings, pocket::test::gm_kit(), StreamClock{read_clock, this});
  }

  MidiInput& input() { return *input_; }

  // The queue starts again from zero at `stream_time` (the port was opened again). RtMidi does
  // not know: its next difference is taken from the old queue's last stamp.
  void restart_queue(double stream_time) { queue_start_ = stream_time; }

  // A message stamped by the sequencer at `played` on the stream clock and read by the MIDI
  // thread at `read_at`, with the stamp difference RtMidi computes from the previous one.
  void deliver(const Message& bytes, double played, double read_at) {
    const double stamp = played - queue_start_;
    const double delta = first_ ? 0.0 : stamp - last_stamp_;
    first_ = false;
    last_stamp_ = stamp;
    now_ = read_at;
    input_->on_message(bytes.data(), bytes.size(), delta);
  }

  void hit(unsigned char note, double played, double delay) {
    deliver({0x99, note, 100}, played, played + delay);
  }

  // A message handed over with a difference the test chooses, read at `read_at`.
  void deliver_with_delta(const Message& bytes, double delta, double read_at) {
    last_stamp_ += delta;
    now_ = read_at;
    input_->on_message(bytes.data(), bytes.size(), delta);
  }

  std::vector<Stroke> strokes() {
    std::vector<Stroke> all;
    Stroke stroke;
    while (input_->strokes().pop(stroke)) all.push_back(stroke);
    return all;
  }

 private:
  static double read_clock(const void* self) { return static_cast<const Kit*>(self)->now_; }

  std::unique_ptr<MidiInput> input_;
  double now_ = 0.0;
  double queue_start_ = 12.5;  // the stream ran 12.5 s before the port was opened
  double last_stamp_ = 0.0;
  bool first_ = true;
};

// Sixteenths at 120 BPM from `start`, kick and snare in turn.
double sixteenth(double start, int i) { return start + 0.125 * i; }
unsigned char kick_or_snare(int i) { return i % 2 == 0 ? kKick : kSnare; }

}  // namespace

TEST_CASE("on ALSA a stroke read late is put back at its kernel stamp", "[midi_input][alsa]") {
  // The MIDI thread wakes up between 0.2 and 6 ms after each stroke; the first wake-up is the
  // quickest, so from the first stroke on the clocks' offset is known exactly.
  Kit kit;
  const double delays[] = {0.0002, 0.0051, 0.0013, 0.0032, 0.0008, 0.0060};
  for (int i = 0; i < 24; ++i) kit.hit(kick_or_snare(i), sixteenth(20.0, i), delays[i % 6]);
  const std::vector<Stroke> strokes = kit.strokes();
  REQUIRE(strokes.size() == 24);
  for (int i = 0; i < 24; ++i) {
    INFO("stroke " << i);
    // The quickest delivery's 0.2 ms cannot be told from the clocks' offset: calibration
    // takes it out with the rest of the loop.
    CHECK(strokes[i].seconds == Approx(sixteenth(20.0, i) + 0.0002).margin(kExact));
    CHECK(strokes[i].pad == pocket::test::gm_kit().pad_index(i % 2 == 0 ? "kick" : "snare"));
    CHECK(strokes[i].velocity == 100);
  }
  // No delivery was quicker than the first: no estimate was late.
  CHECK(kit.input().timing_spread() == Approx(0.0).margin(kExact));
}

TEST_CASE("on ALSA the precision bound is how late the strokes were before a quicker delivery",
          "[midi_input][alsa]") {
  // Forty strokes read 2.1 ms late, then one read after 0.2 ms: the forty were timed 1.9 ms
  // late, and the input reports it once the quicker delivery shows it.
  Kit kit;
  for (int i = 0; i < 40; ++i) kit.hit(kick_or_snare(i), sixteenth(20.0, i), 0.0021);
  CHECK(kit.input().timing_spread() == Approx(0.0).margin(kExact));
  kit.hit(kKick, sixteenth(20.0, 40), 0.0002);
  const std::vector<Stroke> strokes = kit.strokes();
  REQUIRE(strokes.size() == 41);
  CHECK(strokes[39].seconds == Approx(sixteenth(20.0, 39) + 0.0021).margin(kExact));
  CHECK(strokes[40].seconds == Approx(sixteenth(20.0, 40) + 0.0002).margin(kExact));
  CHECK(kit.input().timing_spread() == Approx(0.0019).margin(kExact));
  // The bound is the session's worst: later deliveries as quick leave it where it is, and so
  // does the port being opened again (the timing starts anew, the strokes before stay scored).
  for (int i = 41; i < 60; ++i) kit.hit(kick_or_snare(i), sixteenth(20.0, i), 0.0002);
  CHECK(kit.input().timing_spread() == Approx(0.0019).margin(kExact));
  kit.input().restart_timing();
  kit.restart_queue(30.0);
  kit.hit(kKick, 40.0, 0.0002);
  CHECK(kit.input().timing_spread() == Approx(0.0019).margin(kExact));
}

TEST_CASE("on ALSA a port opened again starts the timing anew", "[midi_input][alsa]") {
  // The kit went away and came back. Opening the port again starts the sequencer's queue from
  // zero, but RtMidi takes its next difference from the old queue's last stamp. The old queue
  // ran 3.375 s; the new one has run 6 s when the drummer plays again, so the difference is
  // positive (2.625 s) and looks like an ordinary gap: only the reopening tells the input that
  // the stamps before mean nothing. Chained to them, the stroke would be timed 7.5 s early.
  Kit kit;
  for (int i = 0; i < 24; ++i) kit.hit(kick_or_snare(i), sixteenth(13.0, i), 0.0002);
  kit.input().restart_timing();
  kit.restart_queue(20.0);
  kit.hit(kSnare, 26.0, 0.0009);
  kit.hit(kKick, 26.125, 0.0002);
  kit.hit(kSnare, 26.25, 0.0030);
  const std::vector<Stroke> strokes = kit.strokes();
  REQUIRE(strokes.size() == 27);
  // The first stroke has nothing to go by but when it was read ...
  CHECK(strokes[24].seconds == Approx(26.0009).margin(kExact));
  // ... and the next ones go by the new stamps, from the quickest delivery since.
  CHECK(strokes[25].seconds == Approx(26.1252).margin(kExact));
  CHECK(strokes[26].seconds == Approx(26.2502).margin(kExact));
}

TEST_CASE("on ALSA stamps going backwards start the timing anew", "[midi_input][alsa]") {
  // The queue was started again without the port being opened again (another program may
  // restart it): the stamps jump back. The stroke is not put at the old stamps' last time
  // (where it would even count as a double trigger of the snare before it).
  Kit kit;
  for (int i = 0; i < 24; ++i) kit.hit(kick_or_snare(i), sixteenth(20.0, i), 0.0002);
  const double next = sixteenth(20.0, 24);
  kit.deliver_with_delta({0x99, kSnare, 90}, -0.5, next + 0.0007);
  kit.deliver_with_delta({0x99, kKick, 90}, 0.125, next + 0.125 + 0.0002);
  kit.deliver_with_delta({0x99, kSnare, 90}, 0.125, next + 0.25 + 0.0041);
  const std::vector<Stroke> strokes = kit.strokes();
  REQUIRE(strokes.size() == 27);
  CHECK(kit.input().strokes().double_triggers() == 0);
  CHECK(strokes[24].seconds == Approx(next + 0.0007).margin(kExact));
  CHECK(strokes[25].seconds == Approx(next + 0.125 + 0.0002).margin(kExact));
  CHECK(strokes[26].seconds == Approx(next + 0.25 + 0.0002).margin(kExact));
}

TEST_CASE("on ALSA a burst read in one wake-up keeps each message's stamp", "[midi_input][alsa]") {
  Kit kit;
  for (int i = 0; i < 24; ++i) kit.hit(kick_or_snare(i), sixteenth(20.0, i), 0.0002);
  // A crash with the kick, stamped together, then the hi-hat pedal moving (controller 4) and
  // note-offs 30 microseconds apart, then a snare: all read at once, 4 ms after the kick.
  // The controllers and note-offs make no stroke, but their differences count: the snare's
  // stamp is the sum of all of them.
  const double kick = sixteenth(20.0, 24);
  const double read_at = kick + 0.004;
  kit.deliver({0x99, kKick, 110}, kick, read_at);
  kit.deliver({0x99, kCrash, 120}, kick, read_at);
  double played = kick;
  for (int i = 0; i < 20; ++i) {
    played += 0.00003;
    if (i % 2 == 0) {
      kit.deliver({0xb9, 4, static_cast<unsigned char>(100 + i)}, played, read_at);
    } else {
      kit.deliver({0x89, kKick, 0}, played, read_at);
    }
  }
  const double snare = played + 0.0003;
  kit.deliver({0x99, kSnare, 80}, snare, read_at);
  const std::vector<Stroke> strokes = kit.strokes();
  REQUIRE(strokes.size() == 27);
  CHECK(strokes[24].seconds == Approx(kick + 0.0002).margin(kExact));
  CHECK(strokes[25].seconds == strokes[24].seconds);  // the same stamp, exactly
  CHECK(strokes[25].pad == pocket::test::gm_kit().pad_index("crash"));
  CHECK(strokes[26].seconds == Approx(snare + 0.0002).margin(kExact));
  CHECK(strokes[26].seconds - strokes[24].seconds == Approx(0.0009).margin(kExact));
  // A late wake-up is not a quicker delivery: nothing was timed late.
  CHECK(kit.input().timing_spread() == Approx(0.0).margin(kExact));
}

TEST_CASE("with the JACK settings a stroke is timed when it is read", "[midi_input]") {
  // On JACK the differences are not kernel stamps: the input reads the clock and ignores them.
  Kit kit("jack");
  kit.hit(kKick, 20.0, 0.0002);
  kit.hit(kSnare, 20.125, 0.0051);
  const std::vector<Stroke> strokes = kit.strokes();
  REQUIRE(strokes.size() == 2);
  CHECK(strokes[0].seconds == Approx(20.0002).margin(kExact));
  CHECK(strokes[1].seconds == Approx(20.1301).margin(kExact));
  CHECK(kit.input().timing_spread() == 0.0);
}

TEST_CASE("MidiInput::on_message never allocates on ALSA, restarts included",
          "[midi_input][alsa][realtime]") {
  Kit kit;
  test::RealtimeCounts counts;
  {
    const test::ArmedThread armed;
    for (int i = 0; i < 2000; ++i) {
      if (i == 700) kit.input().restart_timing();
      if (i == 1400) kit.restart_queue(400.0);  // stamps going backwards
      kit.hit(kick_or_snare(i), sixteenth(20.0, i), 0.0002 + 0.0001 * (i % 9));
      Stroke stroke;
      while (kit.input().strokes().pop(stroke)) {
      }
    }
    counts = armed.counts();
  }
  CHECK(counts.allocations == 0);
  CHECK(counts.locks == 0);
  CHECK(kit.input().strokes().dropped() == 0);
}
