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

// Pads of `kit` that make a good remote, pads no drill plays: a module's extra trigger inputs
// (aux1.., pad8..), then a second and a third crash.
std::vector<std::string> remote_pad_candidates(const DrumMap& kit);

// The remote pad to propose: the configured one when `kit` has it, else "none" (a remote is
// the player's choice: a pad struck by habit would pause the session).
std::string proposed_remote_pad(const DrumMap& kit, const std::string& configured);

// What config.toml keeps of a port's name: ALSA's " 24:0" client and port numbers change
// when the kit is plugged in again, so they are left out.
std::string lasting_port_name(const MidiPort& port);

}  // namespace pocket::app
