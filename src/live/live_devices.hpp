#pragma once

#include <memory>
#include <optional>
#include <string>

#include "audio/audio_devices.hpp"
#include "audio/click_stream.hpp"
#include "jack/jack_engine.hpp"
#include "midi/midi_input.hpp"

namespace pocket {

// The path a session takes to the click's output and the kit's input.
enum class LivePath {
  jack,      // pocket's own JACK client: one frame clock, strokes to the frame
  portaudio  // PortAudio's output and RtMidi's input (ALSA: the sequencer's stamps)
};

// [main-thread] The MIDI API when neither the player nor the config names one: "jack" when a
// JACK server answers and the audio may go through it (its clients share the frame clock),
// else "alsa".
std::string automatic_midi_api(const StreamSettings& audio);

// Whether PortAudio's host API of that name is JACK's, where the server's period is the buffer.
bool jack_host_api(const std::string& host_api);
// [main-thread] JACK MIDI with the audio on JACK (or on no API in particular) is pocket's own
// JACK client. JACK MIDI with the audio on another API cannot share its clock: that is
// PortAudio with RtMidi's JACK input, which knows a stroke to within a period.
LivePath live_path(const MidiInputSettings& midi, const StreamSettings& audio);
// [main-thread] How precisely the path times a stroke before a session has shown more, in
// milliseconds: a frame on pocket's own JACK client, a period through RtMidi's JACK input, and
// on ALSA 1 ms until the sequencer's stamps have shown how close.
double precision_before_session_ms(const MidiInputSettings& midi, const StreamSettings& audio);
// [main-thread] The path in words, for `pocket devices`.
std::string live_path_text(const MidiInputSettings& midi, const StreamSettings& audio);
// The full name of the port `--midi-in virtual` opens, for a kit to play into.
std::string virtual_port(const MidiInputSettings& midi, const StreamSettings& audio);

// The devices of one live session, opened together, on one stream clock.
class LiveDevices {
 public:
  // [main-thread] Throws DeviceError when a device cannot be opened.
  LiveDevices(const StreamSettings& audio, const MidiInputSettings& midi, LiveSchedule& schedule,
              const ClickSound& sound, const DrumMap& kit);

  ClickOutput& output() { return *output_; }
  KitInput& kit() { return *kit_; }
  // [main-thread] The audio server went away, or stopped calling: nothing may wait on it from
  // now on.
  void abandon();
  ~LiveDevices();

 private:
  std::optional<PortAudioSession> portaudio_;  // before the stream, which needs it
  std::unique_ptr<JackEngine> jack_;
  std::unique_ptr<ClickStream> stream_;
  std::unique_ptr<MidiInput> midi_;
  ClickOutput* output_ = nullptr;
  KitInput* kit_ = nullptr;
};

}  // namespace pocket
