#include "midi_output.hpp"

#include <vector>

#include <fmt/format.h>
#include <rtmidi/RtMidi.h>

#include "core/errors.hpp"
#include "rtmidi_api.hpp"

namespace pocket {

MidiOutput::MidiOutput(const std::string& api, const std::string& port,
                       const std::string& client_name) {
  try {
    out_ = std::make_unique<RtMidiOut>(rtmidi_api(api), client_name);
  } catch (const RtMidiError& e) {
    throw DeviceError(fmt::format("cannot open {} MIDI: {}", api, e.getMessage()));
  }
  std::string names;
  for (unsigned i = 0; i < out_->getPortCount(); ++i) {
    const std::string name = out_->getPortName(i);
    if (name.find(port) != std::string::npos) {
      out_->openPort(i, "drums");
      return;
    }
    names += fmt::format("\n  {}", name);
  }
  throw DeviceError(fmt::format("no {} MIDI input named like '{}'{}", api, port,
                                names.empty() ? "" : ", only:" + names));
}

MidiOutput::~MidiOutput() = default;

void MidiOutput::strike(int note, int velocity) {
  const unsigned char on[] = {0x99, static_cast<unsigned char>(note),
                              static_cast<unsigned char>(velocity)};
  const unsigned char off[] = {0x89, static_cast<unsigned char>(note), 0};
  out_->sendMessage(on, sizeof on);
  out_->sendMessage(off, sizeof off);
}

}  // namespace pocket
