#include "drum_map.hpp"

#include <algorithm>
#include <stdexcept>

#include <fmt/format.h>

namespace pocket {

bool valid_pad_name(std::string_view pad) {
  return !pad.empty() && pad.size() <= 24 && pad.front() >= 'a' && pad.front() <= 'z' &&
         std::all_of(pad.begin(), pad.end(), [](char c) {
           return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
         });
}

DrumMap::DrumMap(std::string name) : name_(std::move(name)) { pad_of_note_.fill(-1); }

int DrumMap::pad_of(int note) const {
  return note >= 0 && note < 128 ? pad_of_note_[static_cast<std::size_t>(note)] : -1;
}

namespace {
// Made when the program starts, not on the first call: that call may come from the MIDI
// callback, where a function's static would allocate (its destructor's registration) and lock.
const std::string kHead;
}  // namespace

const std::string& DrumMap::articulation_of(int note) const {
  return note >= 0 && note < 128 ? articulation_[static_cast<std::size_t>(note)] : kHead;
}

int DrumMap::pad_index(std::string_view pad) const {
  const auto it = std::find(pads_.begin(), pads_.end(), pad);
  return it == pads_.end() ? -1 : static_cast<int>(it - pads_.begin());
}

bool DrumMap::unconfirmed(int note) const {
  return note >= 0 && note < 128 && unconfirmed_[static_cast<std::size_t>(note)];
}

std::string DrumMap::describe(int note) const {
  const int pad = pad_of(note);
  if (pad < 0) return fmt::format("note {}", note);
  const std::string& articulation = articulation_of(note);
  return articulation.empty()
             ? pads_[static_cast<std::size_t>(pad)]
             : fmt::format("{} {}", pads_[static_cast<std::size_t>(pad)], articulation);
}

void DrumMap::set_hihat_pedal_controller(int controller) {
  if (controller < 0 || controller > 127) {
    throw std::invalid_argument(
        fmt::format("controller {} is not a MIDI controller: use 0 to 127", controller));
  }
  hihat_pedal_controller_ = controller;
}

void DrumMap::set(int note, std::string_view pad, std::string_view articulation, bool unconfirmed) {
  if (note < 0 || note > 127) {
    throw std::invalid_argument(fmt::format("note {} is not a MIDI note: use 0 to 127", note));
  }
  if (!valid_pad_name(pad)) {
    throw std::invalid_argument(fmt::format(
        "pad name '{}' must be a lower-case word (letters, digits, '-'), like snare or tom1", pad));
  }
  int index = pad_index(pad);
  if (index < 0) {
    if (static_cast<int>(pads_.size()) == kMaxPads) {
      throw std::invalid_argument(fmt::format("a drum map holds at most {} pads", kMaxPads));
    }
    pads_.emplace_back(pad);
    index = static_cast<int>(pads_.size()) - 1;
  }
  pad_of_note_[static_cast<std::size_t>(note)] = index;
  articulation_[static_cast<std::size_t>(note)] = std::string(articulation);
  unconfirmed_[static_cast<std::size_t>(note)] = unconfirmed;
}

std::string kit_for_port(const std::vector<DrumMap>& kits, const std::string& port) {
  for (const DrumMap& kit : kits) {
    for (const std::string& part : kit.ports()) {
      if (port.find(part) != std::string::npos) return kit.name();
    }
  }
  return "";
}

}  // namespace pocket
