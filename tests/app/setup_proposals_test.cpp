// Which MIDI port `pocket setup` proposes for the kit, what config.toml keeps of its name, and
// which pads it offers for the remote.
#include <catch2/catch.hpp>

#include "app/setup_proposals.hpp"

using namespace pocket;
using namespace pocket::app;

namespace {

DrumMap kit(const std::string& name, std::vector<std::string> ports) {
  DrumMap map(name);
  map.set(38, "snare");
  map.set_ports(std::move(ports));
  return map;
}

const std::vector<DrumMap> kKits = {kit("gm", {}), kit("roland", {"TD-17", "TD-27"}),
                                    kit("alesis", {"Nitro"})};

}  // namespace

TEST_CASE("setup proposes a port named like a kit over other ports", "[setup]") {
  const std::vector<MidiPort> ports = {{"alsa", "Midi Through:Midi Through Port-0 14:0"},
                                       {"alsa", "USB Keyboard:USB Keyboard MIDI 1 20:0"},
                                       {"alsa", "TD-17:TD-17 MIDI 1 24:0"}};
  const auto proposal = proposed_port(ports, kKits, "", "");
  REQUIRE(proposal);
  CHECK(proposal->name == "TD-17:TD-17 MIDI 1 24:0");
}

TEST_CASE("setup proposes the configured port while it is there", "[setup]") {
  const std::vector<MidiPort> ports = {{"jack", "TD-17:midi_out"},
                                       {"jack", "a2j:Nitro [20] (capture): Nitro MIDI 1"}};
  CHECK(proposed_port(ports, kKits, "jack", "Nitro")->name == ports[1].name);
  // On another API, or gone: the kit's name decides again.
  CHECK(proposed_port(ports, kKits, "alsa", "Nitro")->name == ports[0].name);
  CHECK(proposed_port(ports, kKits, "jack", "DTX")->name == ports[0].name);
}

TEST_CASE("without a kit's name setup proposes the first port that is not the system's",
          "[setup]") {
  std::vector<MidiPort> ports = {{"jack", "system:midi_capture_1"},
                                 {"alsa", "Midi Through:Midi Through Port-0 14:0"},
                                 {"alsa", "UM-ONE:UM-ONE MIDI 1 28:0"}};
  CHECK(proposed_port(ports, kKits, "", "")->name == "UM-ONE:UM-ONE MIDI 1 28:0");
  ports.pop_back();
  CHECK_FALSE(proposed_port(ports, kKits, "", ""));
  CHECK_FALSE(proposed_port({}, kKits, "", ""));
}

TEST_CASE("config keeps an ALSA port's name without its client and port numbers", "[setup]") {
  CHECK(lasting_port_name({"alsa", "TD-17:TD-17 MIDI 1 24:0"}) == "TD-17:TD-17 MIDI 1");
  CHECK(lasting_port_name({"alsa", "TD-17:TD-17 MIDI 1 128:10"}) == "TD-17:TD-17 MIDI 1");
  // Names without numbers, and JACK's, stay whole.
  CHECK(lasting_port_name({"alsa", "TD-17:TD-17 MIDI 1"}) == "TD-17:TD-17 MIDI 1");
  CHECK(lasting_port_name({"alsa", "Kit 1:a"}) == "Kit 1:a");
  CHECK(lasting_port_name({"jack", "TD-17:midi_out 2:0"}) == "TD-17:midi_out 2:0");
  CHECK(lasting_port_name({"alsa", "virtual"}) == "virtual");
}

TEST_CASE("setup lists extra trigger inputs and more crashes for the remote, proposing none",
          "[setup][remote]") {
  DrumMap roland("roland");
  for (const auto& [note, pad] : std::vector<std::pair<int, std::string>>{
           {38, "snare"}, {49, "crash"}, {57, "crash2"}, {29, "aux2"}, {27, "aux1"}})
    roland.set(note, pad);
  CHECK(remote_pad_candidates(roland) == std::vector<std::string>{"aux1", "aux2", "crash2"});
  DrumMap yamaha("yamaha");
  for (const auto& [note, pad] : std::vector<std::pair<int, std::string>>{
           {38, "snare"}, {15, "pad10"}, {57, "pad8"}, {49, "crash"}, {27, "crash3"}})
    yamaha.set(note, pad);
  CHECK(remote_pad_candidates(yamaha) == std::vector<std::string>{"pad8", "pad10", "crash3"});
  DrumMap small("small");
  small.set(38, "snare");
  small.set(49, "crash");
  CHECK(remote_pad_candidates(small).empty());

  // A pad struck by habit would pause the session: nothing is proposed until the player chose.
  CHECK(proposed_remote_pad(roland, "") == "none");
  CHECK(proposed_remote_pad(roland, "crash2") == "crash2");
  // A kit without the configured pad (another map was picked) proposes none again.
  CHECK(proposed_remote_pad(small, "aux1") == "none");
}
