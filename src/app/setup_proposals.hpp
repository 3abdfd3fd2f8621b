#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/drum_map.hpp"

namespace pocket::app {

// A MIDI input port as `pocket setup` lists it.
struct MidiPort {
  std::string api;   // "alsa" or "jack"
  std::string name;  // as RtMidi shows it
};

// Ports of the system or a loopback, never a kit: JACK's system:..., ALSA's Midi Through.
bool system_port(const MidiPort& port);

// The port to propose for the kit: the configured one when it is still there (`configured`
// is part of a name, on `configured_api`), else the first whose name suggests a kit, else
// the first that is not a system port. Nothing when none fits.
std::optional<MidiPort> proposed_port(const std::vector<MidiPort>& ports,
                                      const std::vector<DrumMap>& kits,
                                      const std::string& configured_api,
                                      const std::string& configured);

// What config.toml keeps of a port's name: ALSA's " 24:0" client and port numbers change
// when the kit is plugged in again, so they are left out.
std::string lasting_port_name(const MidiPort& port);

}  // namespace pocket::app
