#pragma once

#include <memory>
#include <string>

class RtMidiOut;

namespace pocket {

// A MIDI output connected to another program's input port, for the demo's drummer: it plays
// into pocket's own port as a kit would. Not for a real-time callback: sending may block.
class MidiOutput {
 public:
  // `api`: "alsa" or "jack"; `port`: part of the input port's name. Throws std::runtime_error
  // listing the ports when none matches.
  MidiOutput(const std::string& api, const std::string& port, const std::string& client_name);
  ~MidiOutput();
  MidiOutput(const MidiOutput&) = delete;
  MidiOutput& operator=(const MidiOutput&) = delete;

  // A stroke: note-on, then its note-off.
  void strike(int note, int velocity);

 private:
  std::unique_ptr<RtMidiOut> out_;
};

}  // namespace pocket
