#include "midi_file_writer.hpp"

#include <algorithm>
#include <cmath>
#include <fstream>
#include <stdexcept>
#include <string>

#include <fmt/format.h>

namespace pocket {

namespace {

void put_be(std::vector<std::uint8_t>& out, std::uint32_t value, int bytes) {
  for (int i = bytes - 1; i >= 0; --i) out.push_back(static_cast<std::uint8_t>(value >> (8 * i)));
}

void put_vlq(std::vector<std::uint8_t>& out, std::uint32_t value) {
  std::uint8_t buffer[5];
  int n = 0;
  buffer[n++] = value & 0x7f;
  while ((value >>= 7) != 0) buffer[n++] = static_cast<std::uint8_t>(0x80 | (value & 0x7f));
  while (n > 0) out.push_back(buffer[--n]);
}

std::uint8_t data7(int value) { return static_cast<std::uint8_t>(std::clamp(value, 0, 127)); }

}  // namespace

MidiFileWriter::MidiFileWriter(int ticks_per_quarter)
    : ticks_per_quarter_(ticks_per_quarter), tracks_(1) {}

void MidiFileWriter::add_tempo(std::int64_t tick, double quarter_bpm) {
  const auto us = static_cast<std::uint32_t>(std::lround(60e6 / quarter_bpm));
  if (us > 0xffffff) {
    throw std::invalid_argument(fmt::format(
        "a tempo of {:g} quarter notes a minute is too slow for a MIDI file", quarter_bpm));
  }
  std::vector<std::uint8_t> data{0xff, 0x51, 0x03};
  put_be(data, us, 3);
  tracks_[0].events.push_back({tick, 0, std::move(data)});
}

void MidiFileWriter::add_time_signature(std::int64_t tick, int beats, int unit) {
  const auto power = static_cast<std::uint8_t>(std::lround(std::log2(unit)));
  tracks_[0].events.push_back(
      {tick, 0, {0xff, 0x58, 0x04, static_cast<std::uint8_t>(beats), power, 24, 8}});
}

int MidiFileWriter::add_track(const std::string& name) {
  tracks_.push_back({name, {}});
  return static_cast<int>(tracks_.size()) - 1;
}

void MidiFileWriter::add_note(int track, std::int64_t tick, int channel, int note, int velocity,
                              std::int64_t duration_ticks) {
  const auto ch = static_cast<std::uint8_t>(channel & 0x0f);
  auto& events = tracks_.at(static_cast<std::size_t>(track)).events;
  events.push_back({tick, 1, {static_cast<std::uint8_t>(0x90 | ch), data7(note), data7(velocity)}});
  events.push_back(
      {tick + duration_ticks, 0, {static_cast<std::uint8_t>(0x80 | ch), data7(note), 0x40}});
}

void MidiFileWriter::add_control(int track, std::int64_t tick, int channel, int controller,
                                 int value) {
  tracks_.at(static_cast<std::size_t>(track))
      .events.push_back(
          {tick,
           1,
           {static_cast<std::uint8_t>(0xb0 | (channel & 0x0f)), data7(controller), data7(value)}});
}

std::vector<std::uint8_t> MidiFileWriter::bytes() const {
  std::vector<std::uint8_t> out{'M', 'T', 'h', 'd'};
  put_be(out, 6, 4);
  put_be(out, 1, 2);
  put_be(out, static_cast<std::uint32_t>(tracks_.size()), 2);
  put_be(out, static_cast<std::uint32_t>(ticks_per_quarter_), 2);
  for (const Track& track : tracks_) {
    std::vector<Event> events = track.events;
    std::stable_sort(events.begin(), events.end(), [](const Event& a, const Event& b) {
      return a.tick != b.tick ? a.tick < b.tick : a.order < b.order;
    });
    std::vector<std::uint8_t> body;
    if (!track.name.empty()) {
      body.insert(body.end(), {0x00, 0xff, 0x03});
      put_vlq(body, static_cast<std::uint32_t>(track.name.size()));
      body.insert(body.end(), track.name.begin(), track.name.end());
    }
    std::int64_t tick = 0;
    for (const Event& e : events) {
      put_vlq(body, static_cast<std::uint32_t>(std::max<std::int64_t>(0, e.tick - tick)));
      tick = std::max(tick, e.tick);
      body.insert(body.end(), e.data.begin(), e.data.end());
    }
    body.insert(body.end(), {0x00, 0xff, 0x2f, 0x00});
    out.insert(out.end(), {'M', 'T', 'r', 'k'});
    put_be(out, static_cast<std::uint32_t>(body.size()), 4);
    out.insert(out.end(), body.begin(), body.end());
  }
  return out;
}

void MidiFileWriter::save_bytes(const std::vector<std::uint8_t>& data,
                                const std::filesystem::path& path) {
  std::ofstream out(path, std::ios::binary);
  out.write(reinterpret_cast<const char*>(data.data()), static_cast<std::streamsize>(data.size()));
  if (!out) throw std::runtime_error(fmt::format("cannot write '{}'", path.string()));
}

}  // namespace pocket
