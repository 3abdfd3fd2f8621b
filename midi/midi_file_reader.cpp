// Standard MIDI File reading, every byte bounds-checked so that malformed input becomes an
// error with its offset, never a crash.
#include <algorithm>
#include <fstream>
#include <iterator>

#include <fmt/format.h>

#include "midi_file.hpp"

namespace pocket {

MidiFileError::MidiFileError(std::string_view file, std::size_t offset, std::string_view problem)
    : InputFileError(fmt::format("{}: byte {}: {}", file, offset, problem)) {}

namespace {

class ByteReader {
 public:
  ByteReader(std::span<const std::uint8_t> bytes, std::string_view name)
      : bytes_(bytes), name_(name) {}

  std::size_t offset() const { return offset_; }
  std::size_t remaining() const { return bytes_.size() - offset_; }

  [[noreturn]] void fail(std::string_view problem) const { fail_at(offset_, problem); }
  [[noreturn]] void fail_at(std::size_t offset, std::string_view problem) const {
    throw MidiFileError(name_, offset, problem);
  }

  std::uint8_t byte(std::string_view what) {
    if (remaining() == 0) fail(fmt::format("the file ends inside {}", what));
    return bytes_[offset_++];
  }
  std::uint32_t big_endian(int count, std::string_view what) {
    std::uint32_t value = 0;
    for (int i = 0; i < count; ++i) value = value << 8 | byte(what);
    return value;
  }
  // A variable-length quantity: at most 4 bytes of 7 bits each.
  std::uint32_t vlq(std::string_view what) {
    const std::size_t start = offset_;
    std::uint32_t value = 0;
    for (int i = 0; i < 4; ++i) {
      const std::uint8_t b = byte(what);
      value = value << 7 | (b & 0x7f);
      if ((b & 0x80) == 0) return value;
    }
    fail_at(start, fmt::format("{} is a variable-length number longer than 4 bytes", what));
  }
  std::string_view tag() {
    if (remaining() < 4) fail("the file ends inside a chunk header");
    const auto* p = reinterpret_cast<const char*>(bytes_.data() + offset_);
    offset_ += 4;
    return {p, 4};
  }
  void skip(std::size_t count) { offset_ += count; }

 private:
  std::span<const std::uint8_t> bytes_;
  std::string_view name_;
  std::size_t offset_ = 0;
};

int data_bytes_of(std::uint8_t status) {
  switch (status & 0xf0) {
    case 0xc0:
    case 0xd0: return 1;  // program change, channel pressure
    default: return 2;
  }
}

class TrackParser {
 public:
  TrackParser(ByteReader& in, std::size_t end, MidiFile& file) : in_(in), end_(end), file_(file) {}

  void parse() {
    while (in_.offset() < end_) {
      tick_ += in_.vlq("an event's delta time");
      if (in_.offset() >= end_) in_.fail("the track ends after a delta time, without its event");
      const std::size_t event_start = in_.offset();
      std::uint8_t status = in_.byte("an event");
      pending_data_ = -1;
      if (status < 0x80) {  // running status: the byte is the first data byte
        if (running_status_ == 0) {
          in_.fail_at(event_start, fmt::format("data byte 0x{:02x} without a status byte", status));
        }
        pending_data_ = status;
        status = running_status_;
      }
      if (status == 0xff) {
        meta();
      } else if (status == 0xf0 || status == 0xf7) {
        skip_block("a sysex event");
      } else if (status >= 0xf0) {
        in_.fail_at(event_start,
                    fmt::format("status byte 0x{:02x} does not belong in a MIDI file", status));
      } else {
        running_status_ = status;
        channel_event(status);
      }
      if (in_.offset() > end_) in_.fail_at(event_start, "an event runs past the end of its track");
      if (ended_) return;
    }
  }

 private:
  std::uint8_t data_byte() {
    if (pending_data_ >= 0) {
      const auto b = static_cast<std::uint8_t>(pending_data_);
      pending_data_ = -1;
      return b;
    }
    const std::uint8_t b = in_.byte("an event's data");
    if (b > 0x7f) in_.fail_at(in_.offset() - 1, fmt::format("data byte 0x{:02x} is not 0..127", b));
    return b;
  }

  void channel_event(std::uint8_t status) {
    const std::uint8_t d1 = data_byte();
    const std::uint8_t d2 = data_bytes_of(status) == 2 ? data_byte() : 0;
    const std::uint8_t channel = status & 0x0f;
    switch (status & 0xf0) {
      case 0x90:
        file_.events.push_back(
            {tick_, d2 == 0 ? MidiEventKind::note_off : MidiEventKind::note_on, channel, d1, d2});
        break;
      case 0x80: file_.events.push_back({tick_, MidiEventKind::note_off, channel, d1, d2}); break;
      case 0xb0:
        file_.events.push_back({tick_, MidiEventKind::control_change, channel, d1, d2});
        break;
      default: break;  // aftertouch, program change, pitch bend: not timing
    }
  }

  void meta() {
    const std::size_t start = in_.offset() - 1;
    const std::uint8_t type = in_.byte("a meta event");
    const std::uint32_t length = in_.vlq("a meta event's length");
    if (length > end_ - std::min(end_, in_.offset())) {
      in_.fail_at(start, fmt::format("meta event 0x{:02x} says {} bytes but its track has {} left",
                                     type, length, end_ - std::min(end_, in_.offset())));
    }
    if (type == 0x51) {
      if (length != 3)
        in_.fail_at(start, fmt::format("tempo event with {} bytes instead of 3", length));
      const std::uint32_t us = in_.big_endian(3, "a tempo event");
      if (us == 0) in_.fail_at(start, "tempo event of 0 microseconds per quarter note");
      file_.tempo_changes.push_back({tick_, us});
    } else if (type == 0x58 && length >= 2) {
      const int beats = in_.byte("a time signature");
      const int power = in_.byte("a time signature");
      in_.skip(length - 2);
      if (beats > 0 && power < 8) file_.time_signatures.push_back({tick_, beats, 1 << power});
    } else {
      in_.skip(length);
      if (type == 0x2f) {
        ended_ = true;
        file_.end_tick = std::max(file_.end_tick, tick_);
      }
    }
  }

  void skip_block(std::string_view what) {
    const std::size_t start = in_.offset() - 1;
    const std::uint32_t length = in_.vlq(what);
    if (length > end_ - std::min(end_, in_.offset())) {
      in_.fail_at(start, fmt::format("{} says {} bytes but its track has {} left", what, length,
                                     end_ - std::min(end_, in_.offset())));
    }
    in_.skip(length);
  }

  ByteReader& in_;
  std::size_t end_;
  MidiFile& file_;
  std::int64_t tick_ = 0;
  std::uint8_t running_status_ = 0;
  bool ended_ = false;
  int pending_data_ = -1;  // a data byte already read under running status
};

}  // namespace

MidiFile parse_midi_file(std::span<const std::uint8_t> bytes, std::string_view name) {
  ByteReader in(bytes, name);
  if (bytes.size() < 4 || in.tag() != "MThd") {
    in.fail_at(0, "not a Standard MIDI File (it does not start with MThd)");
  }
  const std::uint32_t header_length = in.big_endian(4, "the header");
  if (header_length < 6)
    in.fail_at(4, fmt::format("header of {} bytes, expected 6", header_length));
  MidiFile file;
  file.format = static_cast<int>(in.big_endian(2, "the header"));
  const std::uint32_t tracks = in.big_endian(2, "the header");
  const std::size_t division_offset = in.offset();
  const std::uint32_t division = in.big_endian(2, "the header");
  if (file.format > 1) {
    in.fail_at(8, fmt::format("MIDI file format {} is not supported (only 0 and 1)", file.format));
  }
  if (division & 0x8000) {
    in.fail_at(division_offset,
               "SMPTE time division is not supported: pocket needs ticks per quarter note");
  }
  if (division == 0) in.fail_at(division_offset, "time division of 0 ticks per quarter note");
  file.ticks_per_quarter = static_cast<int>(division);
  if (header_length - 6 > in.remaining()) in.fail("the file ends inside the header");
  in.skip(header_length - 6);

  std::uint32_t found = 0;
  while (found < tracks) {
    if (in.remaining() == 0) {
      in.fail(
          fmt::format("the header promises {} tracks but the file ends after {}", tracks, found));
    }
    const std::size_t chunk_start = in.offset();
    const std::string_view tag = in.tag();
    const std::uint32_t length = in.big_endian(4, "a chunk header");
    if (length > in.remaining()) {
      in.fail_at(chunk_start,
                 fmt::format("chunk '{}' says {} bytes but only {} remain: the file is truncated",
                             tag, length, in.remaining()));
    }
    if (tag != "MTrk") {  // unknown chunks are allowed and skipped
      in.skip(length);
      continue;
    }
    const std::size_t end = in.offset() + length;
    TrackParser(in, end, file).parse();
    in.skip(end - in.offset());
    ++found;
  }

  const auto by_tick = [](const auto& a, const auto& b) { return a.tick < b.tick; };
  std::stable_sort(file.events.begin(), file.events.end(), by_tick);
  std::stable_sort(file.tempo_changes.begin(), file.tempo_changes.end(), by_tick);
  std::stable_sort(file.time_signatures.begin(), file.time_signatures.end(), by_tick);
  return file;
}

MidiFile read_midi_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw MidiFileError(path.string(), 0, "cannot open the file");
  const std::vector<std::uint8_t> bytes((std::istreambuf_iterator<char>(in)),
                                        std::istreambuf_iterator<char>());
  return parse_midi_file(bytes, path.string());
}

}  // namespace pocket
