// Fuzz target: the live MIDI input. A kit's bytes arrive as a stream; this target assembles
// them into messages the way a MIDI wire parser does (running status, real-time bytes between
// data bytes, system messages that cancel running status) and hands each message to the
// stroke filter the way MidiInput::on_message does. The first input byte picks the double
// trigger window and a raw mode, where 3-byte chunks go to the filter unparsed: RtMidi's JACK
// backend passes on whatever bytes another JACK client wrote.
//
// MidiInput itself is not constructed: it opens a port, and this machine has no MIDI server
// a fuzzer could use.
#include <array>
#include <cstddef>
#include <cstdint>

#include "fuzz_support.hpp"
#include "midi/stroke_filter.hpp"

namespace {

using pocket::Stroke;
using pocket::StrokeFilter;

// One byte takes 320 us on a 31250 baud MIDI cable: the clock the messages arrive by.
constexpr double kSecondsPerByte = 10.0 / 31250.0;

// Counts what happens to every message, to check that the counts add up at the end.
struct Tally {
  std::int64_t note_ons = 0;
  std::int64_t strokes = 0;
  std::int64_t double_triggers = 0;
  std::int64_t unmapped = 0;
  std::int64_t ignored = 0;
};

// What MidiInput::on_message does with one message, checking each result.
void deliver(StrokeFilter& filter, const std::uint8_t* bytes, std::size_t size, double now,
             Tally& tally) {
  if (size < 3) return;
  const std::uint8_t kind = bytes[0] & 0xf0;
  if (kind == 0xb0) {
    filter.control_change(bytes[1], bytes[2]);
    POCKET_FUZZ_CHECK(filter.hihat_pedal() >= 0 && filter.hihat_pedal() <= 127);
    return;
  }
  if (kind != 0x90) return;
  ++tally.note_ons;
  Stroke stroke{-1.0, -1, -1};
  switch (filter.note_on(now, bytes[1], bytes[2], stroke)) {
    case StrokeFilter::Result::stroke: {
      ++tally.strokes;
      const auto pads = static_cast<int>(pocket::fuzz::small_kit().pad_names().size());
      POCKET_FUZZ_CHECK(stroke.pad >= 0 && stroke.pad < pads);
      POCKET_FUZZ_CHECK(stroke.velocity >= 1 && stroke.velocity <= 127);
      POCKET_FUZZ_CHECK(stroke.seconds == now);
      POCKET_FUZZ_CHECK(pocket::fuzz::small_kit().pad_of(bytes[1]) == stroke.pad);
      break;
    }
    case StrokeFilter::Result::double_trigger: ++tally.double_triggers; break;
    case StrokeFilter::Result::unmapped:
      POCKET_FUZZ_CHECK(bytes[1] <= 127 && pocket::fuzz::small_kit().pad_of(bytes[1]) < 0);
      ++tally.unmapped;
      break;
    case StrokeFilter::Result::ignored: ++tally.ignored; break;
  }
}

// Data bytes a channel message of this status needs.
int data_bytes_of(std::uint8_t status) {
  const std::uint8_t kind = status & 0xf0;
  return kind == 0xc0 || kind == 0xd0 ? 1 : 2;
}

// A MIDI 1.0 receiver: bytes in, complete messages out.
class WireParser {
 public:
  template <typename Deliver>
  void feed(std::uint8_t byte, Deliver&& deliver_message) {
    if (byte >= 0xf8) {  // real-time: a message of its own, even between data bytes
      deliver_message(&byte, 1);
      return;
    }
    if (byte >= 0xf0) {  // system exclusive and common: end running status
      running_status_ = 0;
      in_sysex_ = byte == 0xf0;
      count_ = 0;
      return;
    }
    if (byte >= 0x80) {
      running_status_ = byte;
      in_sysex_ = false;
      count_ = 0;
      return;
    }
    if (in_sysex_ || running_status_ == 0) return;  // sysex payload or a stray data byte
    data_[count_++] = byte;
    if (count_ < data_bytes_of(running_status_)) return;
    const std::array<std::uint8_t, 3> message{running_status_, data_[0], data_[1]};
    deliver_message(message.data(), static_cast<std::size_t>(1 + count_));
    count_ = 0;  // the status stays: the next data bytes reuse it
  }

 private:
  std::uint8_t running_status_ = 0;
  bool in_sysex_ = false;
  std::array<std::uint8_t, 2> data_{};
  int count_ = 0;
};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  const double window_ms = data[0] & 0x1f;  // 0..31 ms
  const bool raw = (data[0] & 0x80) != 0;
  StrokeFilter filter(pocket::fuzz::small_kit(), window_ms);
  Tally tally;
  double now = 0.0;
  if (raw) {
    for (std::size_t i = 1; i < size; i += 3) {
      const std::size_t length = size - i < 3 ? size - i : 3;
      now += kSecondsPerByte * static_cast<double>(length);
      deliver(filter, data + i, length, now, tally);
    }
  } else {
    WireParser parser;
    for (std::size_t i = 1; i < size; ++i) {
      now += kSecondsPerByte;
      parser.feed(data[i], [&](const std::uint8_t* message, std::size_t length) {
        POCKET_FUZZ_CHECK(length == 1 || (message[0] >= 0x80 && message[0] < 0xf0));
        for (std::size_t k = 1; k < length; ++k) POCKET_FUZZ_CHECK(message[k] <= 0x7f);
        deliver(filter, message, length, now, tally);
      });
    }
  }
  // Every note-on has exactly one outcome, and the filter counted the same double triggers.
  POCKET_FUZZ_CHECK(tally.strokes + tally.double_triggers + tally.unmapped + tally.ignored ==
                    tally.note_ons);
  POCKET_FUZZ_CHECK(filter.double_triggers() == tally.double_triggers);
  return 0;
}
