#include "stroke_packing.hpp"

#include <algorithm>
#include <cmath>
#include <string>

namespace pocket {

namespace {

// Formats of the packed value, first byte: a later pocket may pack another way.
constexpr std::uint8_t kFormat = 1;
constexpr std::uint8_t kMatched = 1;
constexpr std::uint8_t kClickHeard = 2;

void put(std::vector<std::uint8_t>& out, std::uint64_t value) {
  while (value >= 0x80) {
    out.push_back(static_cast<std::uint8_t>(value | 0x80));
    value >>= 7;
  }
  out.push_back(static_cast<std::uint8_t>(value));
}

// Signed values as zigzag: small either side of zero stay small.
void put_signed(std::vector<std::uint8_t>& out, std::int64_t value) {
  put(out, (static_cast<std::uint64_t>(value) << 1) ^ static_cast<std::uint64_t>(value >> 63));
}

class Reader {
 public:
  explicit Reader(std::span<const std::uint8_t> bytes) : bytes_(bytes) {}

  std::uint64_t next() {
    std::uint64_t value = 0;
    for (int shift = 0; shift < 64; shift += 7) {
      if (at_ >= bytes_.size()) throw PackingError("packed strokes end too early");
      const std::uint8_t byte = bytes_[at_++];
      value |= static_cast<std::uint64_t>(byte & 0x7f) << shift;
      if ((byte & 0x80) == 0) return value;
    }
    throw PackingError("packed strokes hold a number too long");
  }

  std::int64_t next_signed() {
    const std::uint64_t z = next();
    return static_cast<std::int64_t>(z >> 1) ^ -static_cast<std::int64_t>(z & 1);
  }

  std::string text(std::uint64_t size) {
    if (size > bytes_.size() - at_) throw PackingError("packed strokes end inside a pad's name");
    std::string s(reinterpret_cast<const char*>(bytes_.data() + at_), size);
    at_ += size;
    return s;
  }

  bool done() const { return at_ == bytes_.size(); }

 private:
  std::span<const std::uint8_t> bytes_;
  std::size_t at_ = 0;
};

std::int64_t micros_of_seconds(double seconds) { return std::llround(seconds * 1e6); }
std::int64_t micros_of_ms(double ms) { return std::llround(ms * 1e3); }

}  // namespace

std::vector<std::uint8_t> pack_strokes(std::span<const StoredStroke> strokes) {
  std::vector<std::string> pads;
  for (const StoredStroke& s : strokes) {
    if (std::find(pads.begin(), pads.end(), s.pad) == pads.end()) pads.push_back(s.pad);
  }
  std::vector<std::uint8_t> out;
  out.reserve(8 + strokes.size() * 14);
  out.push_back(kFormat);
  put(out, pads.size());
  for (const std::string& pad : pads) {
    put(out, pad.size());
    out.insert(out.end(), pad.begin(), pad.end());
  }
  put(out, strokes.size());
  StoredStroke before;
  std::int64_t micros_before = 0;
  for (const StoredStroke& s : strokes) {
    const std::int64_t micros = micros_of_seconds(s.seconds);
    put_signed(out, s.frame - before.frame);
    put_signed(out, micros - micros_before);
    put(out, static_cast<std::uint64_t>(std::find(pads.begin(), pads.end(), s.pad) - pads.begin()));
    put_signed(out, s.velocity);
    put_signed(out, s.slot - before.slot);
    put_signed(out, s.bar - before.bar);
    put_signed(out, micros_of_ms(s.offset_ms));
    out.push_back(
        static_cast<std::uint8_t>((s.matched ? kMatched : 0) | (s.click_heard ? kClickHeard : 0)));
    before = s;
    micros_before = micros;
  }
  return out;
}

std::vector<StoredStroke> unpack_strokes(std::span<const std::uint8_t> packed) {
  if (packed.empty() || packed[0] != kFormat)
    throw PackingError("packed strokes of an unknown format");
  Reader in(packed.subspan(1));
  std::vector<std::string> pads(in.next());
  for (std::string& pad : pads) pad = in.text(in.next());
  const std::uint64_t count = in.next();
  std::vector<StoredStroke> strokes;
  strokes.reserve(std::min<std::uint64_t>(count, packed.size()));
  StoredStroke s;
  std::int64_t micros = 0;
  for (std::uint64_t i = 0; i < count; ++i) {
    s.frame += in.next_signed();
    micros += in.next_signed();
    s.seconds = static_cast<double>(micros) / 1e6;
    const std::uint64_t pad = in.next();
    if (pad >= pads.size()) throw PackingError("a packed stroke names a pad that is not there");
    s.pad = pads[pad];
    s.velocity = static_cast<int>(in.next_signed());
    s.slot += in.next_signed();
    s.bar += in.next_signed();
    s.offset_ms = static_cast<double>(in.next_signed()) / 1000.0;
    const std::uint64_t flags = in.next();
    s.matched = (flags & kMatched) != 0;
    s.click_heard = (flags & kClickHeard) != 0;
    strokes.push_back(s);
  }
  if (!in.done()) throw PackingError("packed strokes go on past their count");
  return strokes;
}

}  // namespace pocket
