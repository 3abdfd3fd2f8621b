#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <initializer_list>
#include <iterator>
#include <random>
#include <string>
#include <string_view>
#include <vector>

#include <catch2/catch.hpp>

#include "midi/midi_file.hpp"
#include "midi/midi_file_writer.hpp"
#include "midi/tick_clock.hpp"
#include "support/temp_dir.hpp"

using namespace pocket;

namespace {

using Bytes = std::vector<std::uint8_t>;

Bytes header(int format, int tracks, int division) {
  Bytes out{'M', 'T', 'h', 'd', 0, 0, 0, 6};
  for (const int field : {format, tracks, division}) {
    out.push_back(static_cast<std::uint8_t>(field >> 8));
    out.push_back(static_cast<std::uint8_t>(field & 0xff));
  }
  return out;
}

Bytes chunk(std::string_view tag, const Bytes& body) {
  Bytes out(tag.begin(), tag.end());
  const auto size = static_cast<std::uint32_t>(body.size());
  for (int shift = 24; shift >= 0; shift -= 8)
    out.push_back(static_cast<std::uint8_t>(size >> shift));
  out.insert(out.end(), body.begin(), body.end());
  return out;
}

Bytes track(const Bytes& body) { return chunk("MTrk", body); }

Bytes join(std::initializer_list<Bytes> parts) {
  Bytes out;
  for (const Bytes& part : parts) out.insert(out.end(), part.begin(), part.end());
  return out;
}

// A format-1 file of one track holding `body`, at 96 ticks per quarter note.
Bytes one_track_file(const Bytes& body) { return join({header(1, 1, 96), track(body)}); }

MidiFile parse(const Bytes& bytes) { return parse_midi_file(bytes, "test.mid"); }

// Events as text, so that a mismatch shows the whole sequence.
std::string describe(const MidiFileEvent& e) {
  const char* kind = e.kind == MidiEventKind::note_on    ? "on"
                     : e.kind == MidiEventKind::note_off ? "off"
                                                         : "cc";
  return std::to_string(e.tick) + " " + kind + " ch" + std::to_string(e.channel) + " " +
         std::to_string(e.data1) + " " + std::to_string(e.data2);
}

std::vector<std::string> describe(const std::vector<MidiFileEvent>& events) {
  std::vector<std::string> out;
  for (const MidiFileEvent& e : events) out.push_back(describe(e));
  return out;
}

// The message of the MidiFileError that parsing `bytes` as "bad.mid" throws.
std::string parse_error(const Bytes& bytes) {
  try {
    parse_midi_file(bytes, "bad.mid");
  } catch (const MidiFileError& e) {
    return e.what();
  }
  FAIL("bad.mid was parsed without an error");
  return {};
}

using Catch::Matchers::Contains;
using Catch::Matchers::StartsWith;

}  // namespace

TEST_CASE("a file from MidiFileWriter reads back with its tracks merged in tick order",
          "[midi_file]") {
  MidiFileWriter writer(960);
  writer.add_tempo(0, 100.0);     // 600000 us per quarter
  writer.add_tempo(3840, 150.0);  // 400000 us per quarter, from bar 2
  writer.add_time_signature(0, 4, 4);
  writer.add_time_signature(3840, 7, 8);
  const int drums = writer.add_track("drums");
  const int pedal = writer.add_track("pedal");
  writer.add_note(drums, 0, 9, 36, 100, 120);
  writer.add_note(drums, 480, 9, 38, 90, 120);
  writer.add_note(drums, 4000, 9, 42, 60, 100);
  writer.add_control(pedal, 240, 9, 4, 127);
  writer.add_note(pedal, 240, 3, 44, 70, 60);

  const MidiFile file = parse_midi_file(writer.bytes(), "writer.mid");

  CHECK(file.format == 1);
  CHECK(file.ticks_per_quarter == 960);
  // The writer's note-offs are 0x8n with velocity 64.
  CHECK(describe(file.events) == std::vector<std::string>{
                                     "0 on ch9 36 100",
                                     "120 off ch9 36 64",
                                     "240 cc ch9 4 127",
                                     "240 on ch3 44 70",
                                     "300 off ch3 44 64",
                                     "480 on ch9 38 90",
                                     "600 off ch9 38 64",
                                     "4000 on ch9 42 60",
                                     "4100 off ch9 42 64",
                                 });
  REQUIRE(file.tempo_changes.size() == 2);
  CHECK(file.tempo_changes[0].tick == 0);
  CHECK(file.tempo_changes[0].us_per_quarter == 600000);
  CHECK(file.tempo_changes[1].tick == 3840);
  CHECK(file.tempo_changes[1].us_per_quarter == 400000);
  REQUIRE(file.time_signatures.size() == 2);
  CHECK(file.time_signatures[0].tick == 0);
  CHECK(file.time_signatures[0].beats == 4);
  CHECK(file.time_signatures[0].unit == 4);
  CHECK(file.time_signatures[1].tick == 3840);
  CHECK(file.time_signatures[1].beats == 7);
  CHECK(file.time_signatures[1].unit == 8);
}

TEST_CASE("a format-0 file reads its single track", "[midi_file]") {
  const Bytes body{
      0x00, 0xff, 0x51, 0x03, 0x07, 0xa1, 0x20,     // tempo 500000 us
      0x00, 0xff, 0x58, 0x04, 0x03, 0x02, 24,   8,  // 3/4
      0x00, 0x99, 36,   100,                        //
      0x60, 0x89, 36,   64,                         //
      0x00, 0xff, 0x2f, 0x00,
  };
  const Bytes bytes = join({header(0, 1, 96), track(body)});
  const MidiFile file = parse(bytes);
  CHECK(file.format == 0);
  CHECK(file.ticks_per_quarter == 96);
  CHECK(describe(file.events) == std::vector<std::string>{"0 on ch9 36 100", "96 off ch9 36 64"});
  REQUIRE(file.tempo_changes.size() == 1);
  CHECK(file.tempo_changes[0].us_per_quarter == 500000);
  REQUIRE(file.time_signatures.size() == 1);
  CHECK(file.time_signatures[0].beats == 3);
  CHECK(file.time_signatures[0].unit == 4);
}

TEST_CASE("running status continues across a note-on of velocity 0, which reads as a note-off",
          "[midi_file]") {
  const Bytes bytes = one_track_file({
      0x00, 0x99, 36,   100,  // note-on, sets running status
      0x30, 36,   0,          // running status, velocity 0: a note-off
      0x00, 38,   80,         // still running status: a note-on
      0x10, 0xb9, 4,    90,   // a control change takes over the running status
      0x08, 4,    10,         // running status control change
      0x00, 0xff, 0x2f, 0x00,
  });
  CHECK(describe(parse(bytes).events) == std::vector<std::string>{
                                             "0 on ch9 36 100",
                                             "48 off ch9 36 0",
                                             "48 on ch9 38 80",
                                             "64 cc ch9 4 90",
                                             "72 cc ch9 4 10",
                                         });
}

TEST_CASE("a note-off message 0x8n reads as a note-off with its velocity", "[midi_file]") {
  const Bytes bytes = one_track_file({
      0x00,
      0x92,
      60,
      100,  //
      0x20,
      0x82,
      60,
      33,  // note-off with release velocity 33
      0x00,
      0xff,
      0x2f,
      0x00,
  });
  CHECK(describe(parse(bytes).events) ==
        std::vector<std::string>{"0 on ch2 60 100", "32 off ch2 60 33"});
}

TEST_CASE("sysex and meta events are skipped", "[midi_file]") {
  const Bytes bytes = one_track_file({
      0x00, 0xf0, 0x05, 0x7e, 0x7f, 0x09, 0x01, 0xf7,  // sysex
      0x00, 0xf7, 0x02, 0xf3, 0x01,                    // escaped bytes, not a status
      0x00, 0xff, 0x01, 0x04, 'h',  'i',  'h',  'a',   // text
      0x00, 0xff, 0x7f, 0x04, 0x00, 0x00, 0x41, 0x90,  // sequencer-specific
      0x10, 0x99, 36,   100,                           //
      0x10, 0xff, 0x2f, 0x00,                          // end of track
      0x00, 0x99, 38,   100,                           // after the end: not read
  });
  const MidiFile file = parse(bytes);
  CHECK(describe(file.events) == std::vector<std::string>{"16 on ch9 36 100"});
  CHECK(file.tempo_changes.empty());
  CHECK(file.time_signatures.empty());
}

TEST_CASE("an unknown chunk between tracks is skipped", "[midi_file]") {
  const Bytes bytes = join({
      header(1, 2, 96),
      track({0x00, 0x99, 36, 100, 0x00, 0xff, 0x2f, 0x00}),
      // Its content looks like a track, and it must not count as one.
      chunk("XFIH", track({0x00, 0x99, 49, 127, 0x00, 0xff, 0x2f, 0x00})),
      track({0x05, 0x99, 38, 90, 0x00, 0xff, 0x2f, 0x00}),
  });
  CHECK(describe(parse(bytes).events) ==
        std::vector<std::string>{"0 on ch9 36 100", "5 on ch9 38 90"});
}

TEST_CASE("program change, pressure and pitch bend give no events and keep parsing in step",
          "[midi_file]") {
  const Bytes bytes = one_track_file({
      0x00, 0xc9, 0x05,        // program change: one data byte
      0x00, 0x06,              // running status program change: one data byte
      0x00, 0xe9, 0x00, 0x40,  // pitch bend: two data bytes
      0x00, 0x99, 36,   100,   //
      0x04, 0xd9, 0x30,        // channel pressure: one data byte
      0x04, 0xa9, 36,   0x10,  // polyphonic aftertouch: two data bytes
      0x08, 0x89, 36,   64,    //
      0x00, 0xff, 0x2f, 0x00,
  });
  CHECK(describe(parse(bytes).events) ==
        std::vector<std::string>{"0 on ch9 36 100", "16 off ch9 36 64"});
}

TEST_CASE("malformed files throw MidiFileError naming the file, the byte and the problem",
          "[midi_file][errors]") {
  // The header is 14 bytes and a chunk header 8: a first track's body starts at byte 22.
  const Bytes end_of_track{0x00, 0xff, 0x2f, 0x00};

  SECTION("empty input") {
    const std::string message = parse_error({});
    CHECK_THAT(message, StartsWith("bad.mid: byte 0: "));
    CHECK_THAT(message, Contains("does not start with MThd"));
  }
  SECTION("a RIFF file") {
    const std::string message = parse_error({'R', 'I', 'F', 'F', 0, 0, 0, 4, 'W', 'A', 'V', 'E'});
    CHECK_THAT(message, StartsWith("bad.mid: byte 0: "));
    CHECK_THAT(message, Contains("does not start with MThd"));
  }
  SECTION("a header cut after the format") {
    const std::string message = parse_error({'M', 'T', 'h', 'd', 0, 0, 0, 6, 0, 1});
    CHECK_THAT(message, StartsWith("bad.mid: byte 10: "));
    CHECK_THAT(message, Contains("ends inside the header"));
  }
  SECTION("a header length of 5") {
    Bytes bytes = one_track_file(end_of_track);
    bytes[7] = 5;
    const std::string message = parse_error(bytes);
    CHECK_THAT(message, StartsWith("bad.mid: byte 4: "));
    CHECK_THAT(message, Contains("header of 5 bytes"));
  }
  SECTION("a header length past the end of the file") {
    Bytes bytes = header(0, 1, 96);
    bytes[7] = 20;
    const std::string message = parse_error(bytes);
    CHECK_THAT(message, StartsWith("bad.mid: byte 14: "));
    CHECK_THAT(message, Contains("ends inside the header"));
  }
  SECTION("format 2") {
    const std::string message = parse_error(join({header(2, 1, 96), track(end_of_track)}));
    CHECK_THAT(message, StartsWith("bad.mid: byte 8: "));
    CHECK_THAT(message, Contains("format 2"));
  }
  SECTION("SMPTE division: -25 frames of 40 ticks") {
    const std::string message = parse_error(join({header(1, 1, 0xe728), track(end_of_track)}));
    CHECK_THAT(message, StartsWith("bad.mid: byte 12: "));
    CHECK_THAT(message, Contains("SMPTE"));
  }
  SECTION("division 0") {
    const std::string message = parse_error(join({header(1, 1, 0), track(end_of_track)}));
    CHECK_THAT(message, StartsWith("bad.mid: byte 12: "));
    CHECK_THAT(message, Contains("0 ticks per quarter"));
  }
  SECTION("a track chunk longer than the file") {
    Bytes bytes = one_track_file(end_of_track);
    bytes[21] = 16;  // the track's length says 16, 4 bytes follow
    const std::string message = parse_error(bytes);
    CHECK_THAT(message, StartsWith("bad.mid: byte 14: "));
    CHECK_THAT(message, Contains("says 16 bytes but only 4 remain"));
    CHECK_THAT(message, Contains("truncated"));
  }
  SECTION("a file cut inside a chunk header") {
    Bytes bytes = one_track_file(end_of_track);
    bytes.resize(20);  // the tag and half the length
    const std::string message = parse_error(bytes);
    CHECK_THAT(message, StartsWith("bad.mid: byte 20: "));
    CHECK_THAT(message, Contains("ends inside a chunk header"));
  }
  SECTION("fewer tracks than the header promises") {
    const std::string message = parse_error(join({header(1, 3, 96), track(end_of_track)}));
    CHECK_THAT(message, StartsWith("bad.mid: byte 26: "));
    CHECK_THAT(message, Contains("promises 3 tracks but the file ends after 1"));
  }
  SECTION("a delta time of 5 bytes") {
    const std::string message =
        parse_error(one_track_file({0x81, 0x81, 0x81, 0x81, 0x00, 0x99, 36, 100}));
    CHECK_THAT(message, StartsWith("bad.mid: byte 22: "));
    CHECK_THAT(message, Contains("longer than 4 bytes"));
  }
  SECTION("a data byte before any status byte") {
    const std::string message =
        parse_error(one_track_file({0x00, 0x40, 0x7f, 0x00, 0xff, 0x2f, 0x00}));
    CHECK_THAT(message, StartsWith("bad.mid: byte 23: "));
    CHECK_THAT(message, Contains("0x40 without a status byte"));
  }
  SECTION("running status does not carry over from the previous track") {
    const std::string message = parse_error(join({
        header(1, 2, 96),
        track({0x00, 0x99, 36, 100, 0x00, 0xff, 0x2f, 0x00}),
        track({0x00, 38, 100, 0x00, 0xff, 0x2f, 0x00}),
    }));
    CHECK_THAT(message, StartsWith("bad.mid: byte 39: "));
    CHECK_THAT(message, Contains("without a status byte"));
  }
  SECTION("system common status 0xf4") {
    const std::string message = parse_error(one_track_file({0x00, 0xf4, 0x00, 0xff, 0x2f, 0x00}));
    CHECK_THAT(message, StartsWith("bad.mid: byte 23: "));
    CHECK_THAT(message, Contains("0xf4 does not belong"));
  }
  SECTION("real-time status 0xf8 after an event") {
    const std::string message =
        parse_error(one_track_file({0x00, 0x99, 36, 100, 0x00, 0xf8, 0x00, 0xff, 0x2f, 0x00}));
    CHECK_THAT(message, StartsWith("bad.mid: byte 27: "));
    CHECK_THAT(message, Contains("0xf8 does not belong"));
  }
  SECTION("a meta event longer than its track") {
    const std::string message = parse_error(one_track_file({0x00, 0xff, 0x01, 0x10, 'a', 'b'}));
    CHECK_THAT(message, StartsWith("bad.mid: byte 23: "));
    CHECK_THAT(message, Contains("meta event 0x01 says 16 bytes but its track has 2 left"));
  }
  SECTION("a meta event that runs into the next track") {
    // The track's length ends the track inside the text, though the file goes on.
    const std::string message = parse_error(join({
        header(1, 2, 96),
        track({0x00, 0xff, 0x01, 0x03, 'a'}),
        track(end_of_track),
    }));
    CHECK_THAT(message, StartsWith("bad.mid: byte 23: "));
    CHECK_THAT(message, Contains("meta event"));
  }
  SECTION("a tempo event of 2 bytes") {
    const std::string message =
        parse_error(one_track_file({0x00, 0xff, 0x51, 0x02, 0x07, 0xa1, 0x00, 0xff, 0x2f, 0x00}));
    CHECK_THAT(message, StartsWith("bad.mid: byte 23: "));
    CHECK_THAT(message, Contains("tempo event with 2 bytes instead of 3"));
  }
  SECTION("a tempo of 0 microseconds") {
    const std::string message = parse_error(
        one_track_file({0x00, 0xff, 0x51, 0x03, 0x00, 0x00, 0x00, 0x00, 0xff, 0x2f, 0x00}));
    CHECK_THAT(message, StartsWith("bad.mid: byte 23: "));
    CHECK_THAT(message, Contains("tempo event of 0"));
  }
  SECTION("a sysex event longer than its track") {
    const std::string message = parse_error(one_track_file({0x00, 0xf0, 0x08, 0x7e, 0xf7}));
    CHECK_THAT(message, StartsWith("bad.mid: byte 23: "));
    CHECK_THAT(message, Contains("sysex event says 8 bytes but its track has 2 left"));
  }
  SECTION("a note-on whose velocity is a status byte") {
    const std::string message =
        parse_error(one_track_file({0x00, 0x99, 36, 0x80, 0x00, 0xff, 0x2f, 0x00}));
    CHECK_THAT(message, StartsWith("bad.mid: byte 25: "));
    CHECK_THAT(message, Contains("data byte 0x80 is not 0..127"));
  }
  SECTION("a note-on that runs past the end of its track") {
    // Only the first data byte is inside the track; the next track's bytes must not be taken.
    const std::string message = parse_error(join({
        header(1, 2, 96),
        track({0x00, 0x99, 36}),
        track(end_of_track),
    }));
    CHECK_THAT(message, StartsWith("bad.mid: byte 23: "));
    CHECK_THAT(message, Contains("past the end of its track"));
  }
  SECTION("a file that ends inside an event") {
    Bytes bytes = one_track_file({0x00, 0x99, 36, 100});
    bytes.pop_back();
    bytes[21] = 3;  // the track's length fits the cut file
    const std::string message = parse_error(bytes);
    CHECK_THAT(message, StartsWith("bad.mid: byte 25: "));
    CHECK_THAT(message, Contains("the file ends inside an event's data"));
  }
  SECTION("a delta time at the very end of a track") {
    const std::string message = parse_error(one_track_file({0x00, 0x99, 36, 100, 0x10}));
    CHECK_THAT(message, StartsWith("bad.mid: byte 27: "));
    CHECK_THAT(message, Contains("without its event"));
  }
}

TEST_CASE("mutated files parse or throw MidiFileError, nothing else", "[midi_file][fuzz]") {
  MidiFileWriter writer(480);
  writer.add_tempo(0, 97.0);
  writer.add_tempo(1920, 131.0);
  writer.add_time_signature(0, 4, 4);
  writer.add_time_signature(1920, 7, 8);
  const int kit = writer.add_track("kit");
  for (int i = 0; i < 16; ++i) {
    writer.add_note(kit, i * 240, 9, i % 2 == 0 ? 36 : 38, 60 + i, 60);
    writer.add_control(kit, i * 240 + 5, 9, 4, i * 8);
  }
  const int extra = writer.add_track("extra");
  writer.add_note(extra, 100, 0, 60, 100, 4000);
  const Bytes original = writer.bytes();
  REQUIRE_NOTHROW(parse_midi_file(original, "fuzz.mid"));

  // Bytes that mean something to the reader, so mutations reach deeper than the header.
  constexpr std::uint8_t kInteresting[] = {0x00, 0x01, 0x03, 0x06, 0x2f, 0x51, 0x58, 0x7f,
                                           0x80, 0x81, 0x90, 0xc0, 0xf0, 0xf7, 0xf8, 0xff};
  std::mt19937 random(20240611);
  const auto below = [&](std::size_t n) {
    return std::uniform_int_distribution<std::size_t>(0, n - 1)(random);
  };
  int parsed = 0;
  int rejected = 0;
  int misnamed_errors = 0;
  int bad_results = 0;
  for (int iteration = 0; iteration < 20000; ++iteration) {
    Bytes bytes = original;
    const int mutations = 1 + static_cast<int>(below(4));
    for (int m = 0; m < mutations && !bytes.empty(); ++m) {
      const std::size_t at = below(bytes.size());
      switch (below(5)) {
        case 0: bytes[at] ^= static_cast<std::uint8_t>(1u << below(8)); break;
        case 1: bytes[at] = static_cast<std::uint8_t>(below(256)); break;
        case 2: bytes[at] = kInteresting[below(std::size(kInteresting))]; break;
        case 3: bytes.resize(at); break;
        default: bytes.erase(bytes.begin() + static_cast<std::ptrdiff_t>(at)); break;
      }
    }
    INFO("iteration " << iteration);
    try {
      const MidiFile file = parse_midi_file(bytes, "fuzz.mid");
      ++parsed;
      const bool in_order = std::is_sorted(
          file.events.begin(), file.events.end(),
          [](const MidiFileEvent& a, const MidiFileEvent& b) { return a.tick < b.tick; });
      const bool in_range = std::all_of(file.events.begin(), file.events.end(), [](const auto& e) {
        return e.channel < 16 && e.data1 < 128 && e.data2 < 128;
      });
      if (!in_order || !in_range || file.ticks_per_quarter <= 0) ++bad_results;
    } catch (const MidiFileError& e) {
      ++rejected;
      if (std::string_view(e.what()).rfind("fuzz.mid: byte ", 0) != 0) ++misnamed_errors;
    }
  }
  CHECK(parsed > 100);
  CHECK(rejected > 100);
  CHECK(misnamed_errors == 0);
  CHECK(bad_results == 0);
}

TEST_CASE("read_midi_file names a missing file in its error", "[midi_file][errors]") {
  const test::TempDir dir;
  const std::filesystem::path missing = dir / "missing.mid";
  try {
    read_midi_file(missing);
    FAIL("a missing file was read");
  } catch (const MidiFileError& e) {
    CHECK_THAT(e.what(), Contains(missing.string()));
  }
}

TEST_CASE("read_midi_file reads a file that MidiFileWriter saved", "[midi_file]") {
  const test::TempDir dir;
  MidiFileWriter writer(96);
  writer.add_note(writer.add_track("kick"), 48, 9, 36, 110, 12);
  writer.save(dir / "saved.mid");
  CHECK(describe(read_midi_file(dir / "saved.mid").events) ==
        std::vector<std::string>{"48 on ch9 36 110", "60 off ch9 36 64"});
}

TEST_CASE("real Groove MIDI Dataset performances parse", "[midi_file][gmd]") {
  struct Performance {
    const char* file;
    double bpm;
    int note_ons;
    int hihat_pedal_changes;
  };
  // The counts were taken from the files with an independent reader.
  const Performance performances[] = {
      {"drummer3_session1_1_rock_105_beat_4-4.mid", 105.0, 444, 336},
      {"drummer8_session1_3_hiphop_90_beat_4-4.mid", 90.0, 374, 327},
      {"drummer8_eval_session_4_soul-groove4_80_beat_4-4.mid", 80.0, 222, 159},
  };
  for (const Performance& performance : performances) {
    INFO(performance.file);
    const MidiFile file =
        read_midi_file(std::filesystem::path(POCKET_TEST_DATA) / "gmd" / performance.file);
    CHECK(file.format == 0);
    CHECK(file.ticks_per_quarter == 480);
    REQUIRE(file.tempo_changes.size() == 1);
    CHECK(file.tempo_changes[0].tick == 0);
    CHECK(TickClock(file).quarter_bpm_at(0) == Approx(performance.bpm).margin(0.01));
    REQUIRE(file.time_signatures.size() == 1);
    CHECK(file.time_signatures[0].beats == 4);
    CHECK(file.time_signatures[0].unit == 4);

    const auto count = [&](MidiEventKind kind, int data1) {
      return std::count_if(file.events.begin(), file.events.end(), [&](const MidiFileEvent& e) {
        return e.kind == kind && (data1 < 0 || e.data1 == data1);
      });
    };
    CHECK(count(MidiEventKind::note_on, -1) == performance.note_ons);
    CHECK(count(MidiEventKind::note_off, -1) == performance.note_ons);
    CHECK(count(MidiEventKind::control_change, 4) == performance.hihat_pedal_changes);
    CHECK(count(MidiEventKind::control_change, -1) == performance.hihat_pedal_changes);
  }
}
