#pragma once

#include <memory>
#include <optional>

#include "audio/audio_devices.hpp"
#include "audio/click_stream.hpp"
#include "jack/jack_engine.hpp"
#include "midi/midi_input.hpp"

namespace pocket::app {

// The path a session takes to the click's output and the kit's input.
enum class LivePath {
  jack,      // pocket's own JACK client: one frame clock, strokes to the frame
  portaudio  // PortAudio's output and RtMidi's input (ALSA: the sequencer's stamps)
};

// [main-thread] The MIDI API when neither the player nor the config names one: "jack" when a
// JACK server answers (its clients share the frame clock), else "alsa".
std::string automatic_midi_api();
// [main-thread] The path for `--midi-api`: "jack" is pocket's own JACK client.
LivePath live_path(const MidiInputSettings& midi);
// [main-thread] In words, for `pocket devices` and the start of a session.
const char* live_path_text(LivePath path);
// The full name of the port `--midi-in virtual` opens, for a kit to play into.
std::string virtual_port(const MidiInputSettings& midi);

// The devices of one live session, opened together, on one stream clock.
class LiveDevices {
 public:
  // [main-thread] Throws DeviceError when a device cannot be opened, or when the audio API
  // asked for cannot share a clock with the MIDI API asked for.
  LiveDevices(const StreamSettings& audio, const MidiInputSettings& midi, LiveSchedule& schedule,
              const ClickSound& sound, const DrumMap& kit);

  ClickOutput& output() { return *output_; }
  KitInput& kit() { return *kit_; }
  // [main-thread] The audio server went away: nothing may wait on it from now on.
  void abandon();

 private:
  std::optional<PortAudioSession> portaudio_;  // before the stream, which needs it
  std::unique_ptr<JackEngine> jack_;
  std::unique_ptr<ClickStream> stream_;
  std::unique_ptr<MidiInput> midi_;
  ClickOutput* output_ = nullptr;
  KitInput* kit_ = nullptr;
};

}  // namespace pocket::app
