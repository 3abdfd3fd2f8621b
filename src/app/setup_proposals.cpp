#include "setup_proposals.hpp"

#include <algorithm>
#include <cctype>

namespace pocket::app {

bool system_port(const MidiPort& port) {
  return port.name.rfind("system:", 0) == 0 || port.name.find("Midi Through") != std::string::npos;
}

std::optional<MidiPort> proposed_port(const std::vector<MidiPort>& ports,
                                      const std::vector<DrumMap>& kits,
                                      const std::string& configured_api,
                                      const std::string& configured) {
  if (!configured.empty()) {
    for (const MidiPort& p : ports) {
      if (p.api == configured_api && p.name.find(configured) != std::string::npos) return p;
    }
  }
  for (const MidiPort& p : ports) {
    if (!kit_for_port(kits, p.name).empty()) return p;
  }
  for (const MidiPort& p : ports) {
    if (!system_port(p)) return p;
  }
  return std::nullopt;
}

std::vector<std::string> remote_pad_candidates(const DrumMap& kit) {
  // A module's extra trigger inputs: Roland's aux1.., Yamaha's pad8..
  const auto extra_input = [](const std::string& pad) {
    const bool named = pad.rfind("aux", 0) == 0 || pad.rfind("pad", 0) == 0;
    return named && pad.size() > 3 && std::all_of(pad.begin() + 3, pad.end(), [](unsigned char c) {
             return std::isdigit(c) != 0;
           });
  };
  std::vector<std::string> pads;
  for (const std::string& pad : kit.pad_names())
    if (extra_input(pad)) pads.push_back(pad);
  std::sort(pads.begin(), pads.end(), [](const std::string& a, const std::string& b) {
    return a.size() != b.size() ? a.size() < b.size() : a < b;  // pad8 before pad10
  });
  for (const char* crash : {"crash2", "crash3"})
    if (kit.pad_index(crash) >= 0) pads.push_back(crash);
  return pads;
}

std::string proposed_remote_pad(const DrumMap& kit, const std::string& configured) {
  return !configured.empty() && kit.pad_index(configured) >= 0 ? configured : "none";
}

std::string lasting_port_name(const MidiPort& port) {
  if (port.api != "alsa") return port.name;
  // "TD-17:TD-17 MIDI 1 24:0" -> "TD-17:TD-17 MIDI 1"
  const std::size_t space = port.name.rfind(' ');
  if (space == std::string::npos) return port.name;
  const std::string numbers = port.name.substr(space + 1);
  const std::size_t colon = numbers.find(':');
  if (colon == std::string::npos || colon == 0 || colon + 1 == numbers.size()) return port.name;
  for (std::size_t i = 0; i < numbers.size(); ++i) {
    if (i != colon && !std::isdigit(static_cast<unsigned char>(numbers[i]))) return port.name;
  }
  return port.name.substr(0, space);
}

}  // namespace pocket::app
