#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "midi/midi_file_writer.hpp"
#include "midi/recorded_performance.hpp"
#include "midi/stroke_filter.hpp"
#include "support/shipped_presets.hpp"

using namespace pocket;
using Result = StrokeFilter::Result;

namespace {

// A stroke that note_on() must leave alone when it is not a stroke.
constexpr Stroke kUntouched{-1.0, -1, -1};

bool untouched(const Stroke& s) {
  return s.seconds == kUntouched.seconds && s.pad == kUntouched.pad &&
         s.velocity == kUntouched.velocity;
}

}  // namespace

TEST_CASE("a mapped note-on becomes a stroke of its pad", "[stroke_filter]") {
  StrokeFilter filter(pocket::test::gm_kit());
  Stroke stroke = kUntouched;
  REQUIRE(filter.note_on(1.25, 38, 97, stroke) == Result::stroke);
  CHECK(stroke.seconds == 1.25);
  CHECK(stroke.pad == pocket::test::gm_kit().pad_index("snare"));
  CHECK(stroke.velocity == 97);
  CHECK(filter.double_triggers() == 0);
}

TEST_CASE("a note-on of velocity 0 is ignored", "[stroke_filter]") {
  StrokeFilter filter(pocket::test::gm_kit());
  Stroke stroke = kUntouched;
  CHECK(filter.note_on(0.0, 38, 0, stroke) == Result::ignored);
  CHECK(untouched(stroke));
  // It did not start a double-trigger window either.
  CHECK(filter.note_on(0.001, 38, 80, stroke) == Result::stroke);
}

TEST_CASE("an unmapped note is told apart from one that is ignored", "[stroke_filter]") {
  StrokeFilter filter(pocket::test::gm_kit());
  Stroke stroke = kUntouched;
  CHECK(filter.note_on(0.0, 60, 100, stroke) == Result::unmapped);
  CHECK(filter.note_on(0.5, 60, 90, stroke) == Result::unmapped);
  CHECK(filter.note_on(0.6, 22, 90, stroke) == Result::unmapped);
  CHECK(filter.note_on(0.7, 60, 0, stroke) == Result::ignored);  // a note-off
  CHECK(filter.note_on(0.0, -5, 100, stroke) == Result::ignored);
  CHECK(filter.note_on(0.0, 200, 100, stroke) == Result::ignored);
  CHECK(untouched(stroke));
  CHECK(filter.double_triggers() == 0);
}

TEST_CASE("a second note-on on the same pad within 10 ms is a double trigger", "[stroke_filter]") {
  StrokeFilter filter(pocket::test::gm_kit());
  Stroke stroke;
  REQUIRE(filter.note_on(0.5, 38, 100, stroke) == Result::stroke);
  stroke = kUntouched;
  CHECK(filter.note_on(0.5, 38, 40, stroke) == Result::double_trigger);
  CHECK(filter.note_on(0.509, 38, 40, stroke) == Result::double_trigger);
  CHECK(untouched(stroke));
  CHECK(filter.double_triggers() == 2);
  // The window runs from the last stroke, not from the last double trigger.
  CHECK(filter.note_on(0.510, 38, 90, stroke) == Result::stroke);
  CHECK(stroke.seconds == 0.510);
  CHECK(filter.double_triggers() == 2);
}

TEST_CASE("a note-on on the same pad 10 ms or more later is a stroke", "[stroke_filter]") {
  StrokeFilter filter(pocket::test::gm_kit());
  Stroke stroke;
  REQUIRE(filter.note_on(0.0, 36, 100, stroke) == Result::stroke);
  CHECK(filter.note_on(0.010, 36, 100, stroke) == Result::stroke);
  CHECK(filter.note_on(0.030, 36, 100, stroke) == Result::stroke);
  CHECK(filter.double_triggers() == 0);
}

TEST_CASE("a note-on exactly 480 frames at 48 kHz after a stroke is a stroke, wherever it falls",
          "[stroke_filter]") {
  // Times come as frames over the rate: their difference is 10 ms only up to rounding.
  StrokeFilter filter(pocket::test::gm_kit());
  Stroke stroke;
  long strokes = 0;
  for (long frame = 0; frame < 48000L * 3600; frame += 480 + 48000 * 7) {
    strokes += filter.note_on(frame / 48000.0, 38, 100, stroke) == Result::stroke;
    strokes += filter.note_on((frame + 480) / 48000.0, 38, 100, stroke) == Result::stroke;
    strokes += filter.note_on((frame + 959) / 48000.0, 38, 100, stroke) == Result::stroke;
  }
  CHECK(filter.double_triggers() == strokes / 2);
  CHECK(strokes > 1000);
}

TEST_CASE("other pads are not in each other's double-trigger window", "[stroke_filter]") {
  StrokeFilter filter(pocket::test::gm_kit());
  Stroke stroke;
  CHECK(filter.note_on(1.0, 36, 100, stroke) == Result::stroke);
  CHECK(filter.note_on(1.0, 38, 100, stroke) == Result::stroke);
  CHECK(filter.note_on(1.001, 49, 100, stroke) == Result::stroke);
  CHECK(filter.double_triggers() == 0);
}

TEST_CASE("the snare rim within 5 ms of the snare head is a double trigger", "[stroke_filter]") {
  StrokeFilter filter(pocket::test::gm_kit());
  Stroke stroke;
  REQUIRE(filter.note_on(2.0, 38, 110, stroke) == Result::stroke);
  CHECK(filter.note_on(2.005, 40, 70, stroke) == Result::double_trigger);
  CHECK(filter.double_triggers() == 1);
}

TEST_CASE("the hi-hat pedal and a stick on the hi-hat at the same moment are both strokes",
          "[stroke_filter]") {
  StrokeFilter filter(pocket::test::gm_kit());
  Stroke pedal;
  Stroke stick;
  CHECK(filter.note_on(3.0, 44, 60, pedal) == Result::stroke);
  CHECK(filter.note_on(3.0, 42, 90, stick) == Result::stroke);
  CHECK(pedal.pad == pocket::test::gm_kit().pad_index("hihat"));
  CHECK(stick.pad == pocket::test::gm_kit().pad_index("hihat"));
  CHECK(filter.double_triggers() == 0);
  // Each limb still has its own window.
  Stroke again;
  CHECK(filter.note_on(3.004, 44, 60, again) == Result::double_trigger);
  CHECK(filter.note_on(3.004, 46, 60, again) == Result::double_trigger);
  CHECK(filter.double_triggers() == 2);
}

TEST_CASE("the double-trigger window can be set", "[stroke_filter]") {
  StrokeFilter filter(pocket::test::gm_kit(), 25.0);
  Stroke stroke;
  REQUIRE(filter.note_on(0.0, 38, 100, stroke) == Result::stroke);
  CHECK(filter.note_on(0.015, 38, 100, stroke) == Result::double_trigger);
  CHECK(filter.note_on(0.024, 38, 100, stroke) == Result::double_trigger);
  CHECK(filter.note_on(0.025, 38, 100, stroke) == Result::stroke);
  CHECK(filter.double_triggers() == 2);

  StrokeFilter no_window(pocket::test::gm_kit(), 0.0);
  CHECK(no_window.note_on(0.0, 38, 100, stroke) == Result::stroke);
  CHECK(no_window.note_on(0.0001, 38, 100, stroke) == Result::stroke);
}

TEST_CASE("CC4 moves the hi-hat pedal, other controllers do not", "[stroke_filter]") {
  StrokeFilter filter(pocket::test::gm_kit());
  CHECK(filter.hihat_pedal() == 0);
  filter.control_change(4, 127);
  CHECK(filter.hihat_pedal() == 127);
  filter.control_change(64, 0);  // sustain pedal
  filter.control_change(7, 30);  // volume
  CHECK(filter.hihat_pedal() == 127);
  filter.control_change(4, 42);
  CHECK(filter.hihat_pedal() == 42);
}

TEST_CASE("data bytes above 127 are ignored, not scored or kept as the pedal", "[stroke_filter]") {
  // RtMidi's JACK backend hands on raw bytes: a broken message may carry 8-bit data.
  StrokeFilter filter(pocket::test::gm_kit());
  Stroke stroke = kUntouched;
  CHECK(filter.note_on(1.0, 38, 200, stroke) == Result::ignored);
  CHECK(untouched(stroke));
  CHECK(filter.note_on(1.0, 0x99, 100, stroke) == Result::ignored);
  CHECK(untouched(stroke));
  filter.control_change(4, 100);
  filter.control_change(4, 0xff);
  CHECK(filter.hihat_pedal() == 100);
}

TEST_CASE("strokes_of turns a recorded file into strokes in seconds", "[stroke_filter]") {
  MidiFileWriter writer(480);
  writer.add_tempo(0, 120.0);    // 0.5 s a quarter
  writer.add_tempo(1920, 60.0);  // 1 s a quarter from 2 s
  const int kick_track = writer.add_track("kick");
  const int hands = writer.add_track("hands");
  writer.add_note(kick_track, 0, 9, 36, 100, 60);
  writer.add_note(kick_track, 2400, 9, 36, 80, 60);  // 2 s + 1 quarter at 60 BPM
  writer.add_note(hands, 480, 9, 38, 90, 60);
  writer.add_note(hands, 482, 9, 38, 30, 60);  // 2 ms later: a double trigger
  writer.add_note(hands, 960, 9, 42, 70, 60);
  writer.add_control(hands, 960, 9, 4, 127);
  writer.add_note(hands, 1000, 9, 60, 100, 60);  // not a kit note
  const MidiFile file = parse_midi_file(writer.bytes(), "take.mid");

  const RecordedPerformance performance = strokes_of(file, pocket::test::gm_kit());

  const int kick = pocket::test::gm_kit().pad_index("kick");
  const int snare = pocket::test::gm_kit().pad_index("snare");
  const int hihat = pocket::test::gm_kit().pad_index("hihat");
  REQUIRE(performance.strokes.size() == 4);
  CHECK(performance.strokes[0].seconds == Approx(0.0));
  CHECK(performance.strokes[0].pad == kick);
  CHECK(performance.strokes[0].velocity == 100);
  CHECK(performance.strokes[1].seconds == Approx(0.5));
  CHECK(performance.strokes[1].pad == snare);
  CHECK(performance.strokes[1].velocity == 90);
  CHECK(performance.strokes[2].seconds == Approx(1.0));
  CHECK(performance.strokes[2].pad == hihat);
  CHECK(performance.strokes[3].seconds == Approx(3.0));
  CHECK(performance.strokes[3].pad == kick);
  CHECK(performance.strokes[3].velocity == 80);
  CHECK(performance.double_triggers == 1);
  CHECK(performance.pad_names == pocket::test::gm_kit().pad_names());

  // A window shorter than the 2 ms flam lets both snare notes through.
  CHECK(strokes_of(file, pocket::test::gm_kit(), 1.0).strokes.size() == 5);
  CHECK(strokes_of(file, pocket::test::gm_kit(), 1.0).double_triggers == 0);
}
