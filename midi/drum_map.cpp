#include "drum_map.hpp"

#include <algorithm>
#include <stdexcept>

#include <fmt/format.h>
#include <fmt/ranges.h>

namespace pocket {

namespace {

struct Entry {
  int note;
  const char* pad;
  const char* articulation;
};

// General MIDI percussion (channel 10), as pocket's pads.
constexpr Entry kGeneralMidi[] = {
    {35, "kick", ""},       {36, "kick", ""},        {37, "snare", "cross-stick"},
    {38, "snare", ""},      {39, "clap", ""},        {40, "snare", "rim"},
    {41, "tom4", ""},       {42, "hihat", "closed"}, {43, "tom3", ""},
    {44, "hihat", "pedal"}, {45, "tom2", ""},        {46, "hihat", "open"},
    {47, "tom2", ""},       {48, "tom1", ""},        {49, "crash", ""},
    {50, "tom1", ""},       {51, "ride", ""},        {52, "china", ""},
    {53, "ride", "bell"},   {54, "tambourine", ""},  {55, "splash", ""},
    {56, "cowbell", ""},    {57, "crash2", ""},      {59, "ride", "edge"},
};

// Roland V-Drums (TD-series) defaults: rims and edges have notes of their own.
constexpr Entry kRoland[] = {
    {36, "kick", ""},        {38, "snare", ""},
    {40, "snare", "rim"},    {37, "snare", "cross-stick"},
    {48, "tom1", ""},        {50, "tom1", "rim"},
    {45, "tom2", ""},        {47, "tom2", "rim"},
    {43, "tom3", ""},        {58, "tom3", "rim"},
    {41, "tom4", ""},        {39, "tom4", "rim"},
    {46, "hihat", "open"},   {26, "hihat", "open-edge"},
    {42, "hihat", "closed"}, {22, "hihat", "closed-edge"},
    {44, "hihat", "pedal"},  {49, "crash", ""},
    {55, "crash", "edge"},   {57, "crash2", ""},
    {52, "crash2", "edge"},  {51, "ride", ""},
    {59, "ride", "edge"},    {53, "ride", "bell"},
};

// Alesis kits (Nitro, Surge, Strike) defaults.
constexpr Entry kAlesis[] = {
    {36, "kick", ""},        {38, "snare", ""},
    {40, "snare", "rim"},    {37, "snare", "cross-stick"},
    {48, "tom1", ""},        {45, "tom2", ""},
    {43, "tom3", ""},        {41, "tom4", ""},
    {42, "hihat", "closed"}, {46, "hihat", "open"},
    {44, "hihat", "pedal"},  {49, "crash", ""},
    {57, "crash2", ""},      {51, "ride", ""},
    {53, "ride", "bell"},    {59, "ride", "edge"},
};

// Yamaha DTX modules' defaults.
constexpr Entry kYamaha[] = {
    {36, "kick", ""},      {38, "snare", ""},
    {40, "snare", "rim"},  {37, "snare", "cross-stick"},
    {48, "tom1", ""},      {47, "tom2", ""},
    {45, "tom2", ""},      {43, "tom3", ""},
    {41, "tom4", ""},      {42, "hihat", "closed"},
    {46, "hihat", "open"}, {44, "hihat", "pedal"},
    {49, "crash", ""},     {57, "crash2", ""},
    {55, "splash", ""},    {51, "ride", ""},
    {53, "ride", "bell"},  {59, "ride", "edge"},
};

template <std::size_t N>
DrumMap from_entries(DrumMap map, const Entry (&entries)[N]) {
  for (const Entry& e : entries) map.set(e.note, e.pad, e.articulation);
  return map;
}

bool valid_pad_name(std::string_view pad) {
  return !pad.empty() && pad.size() <= 24 && pad.front() >= 'a' && pad.front() <= 'z' &&
         std::all_of(pad.begin(), pad.end(), [](char c) {
           return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
         });
}

}  // namespace

DrumMap::DrumMap(std::string name) : name_(std::move(name)) { pad_of_note_.fill(-1); }

std::vector<std::string> DrumMap::builtin_names() { return {"gm", "roland", "alesis", "yamaha"}; }

DrumMap DrumMap::builtin(std::string_view name) {
  if (name == "gm") return from_entries(DrumMap("gm"), kGeneralMidi);
  if (name == "roland") return from_entries(DrumMap("roland"), kRoland);
  if (name == "alesis") return from_entries(DrumMap("alesis"), kAlesis);
  if (name == "yamaha") return from_entries(DrumMap("yamaha"), kYamaha);
  throw std::invalid_argument(fmt::format("unknown drum map '{}': use one of {} or a .toml file",
                                          name, fmt::join(builtin_names(), ", ")));
}

DrumMap DrumMap::load(const std::string& name_or_path) {
  if (name_or_path.ends_with(".toml")) return from_toml(name_or_path);
  return builtin(name_or_path);
}

int DrumMap::pad_of(int note) const {
  return note >= 0 && note < 128 ? pad_of_note_[static_cast<std::size_t>(note)] : -1;
}

const std::string& DrumMap::articulation_of(int note) const {
  static const std::string none;
  return note >= 0 && note < 128 ? articulation_[static_cast<std::size_t>(note)] : none;
}

int DrumMap::pad_index(std::string_view pad) const {
  const auto it = std::find(pads_.begin(), pads_.end(), pad);
  return it == pads_.end() ? -1 : static_cast<int>(it - pads_.begin());
}

void DrumMap::set(int note, std::string_view pad, std::string_view articulation) {
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
}

}  // namespace pocket
