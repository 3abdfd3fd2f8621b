#include "live_devices.hpp"

#include <fmt/format.h>

#include "audio/jack_server.hpp"
#include "core/errors.hpp"

namespace pocket::app {

namespace {

double stream_clock(const void* context) {
  return static_cast<const ClickStream*>(context)->stream_time();
}

}  // namespace

std::string automatic_midi_api() { return jack_server_running() ? "jack" : "alsa"; }

LivePath live_path(const MidiInputSettings& midi) {
  return midi.api == "jack" ? LivePath::jack : LivePath::portaudio;
}

const char* live_path_text(LivePath path) {
  return path == LivePath::jack
             ? "pocket's own JACK client: click and kit on one frame clock, strokes timed to the "
               "frame"
             : "PortAudio for the click, RtMidi for the kit: strokes timed by the ALSA "
               "sequencer's stamps";
}

std::string virtual_port(const MidiInputSettings& midi) {
  return live_path(midi) == LivePath::jack ? JackEngine::kMidiInPort : "pocket-midi:pocket";
}

LiveDevices::LiveDevices(const StreamSettings& audio, const MidiInputSettings& midi,
                         LiveSchedule& schedule, const ClickSound& sound, const DrumMap& kit) {
  if (live_path(midi) == LivePath::jack) {
    // One client plays the click and reads the kit: another audio API has another clock.
    if (!audio.host_api.empty() && audio.host_api.find("JACK") == std::string::npos)
      throw DeviceError(fmt::format(
          "with --midi-api jack the click plays through JACK too, not {}: leave out --audio-api "
          "or use --midi-api alsa",
          audio.host_api));
    jack_ = std::make_unique<JackEngine>(schedule, sound, audio, midi, kit);
    output_ = jack_.get();
    kit_ = jack_.get();
    return;
  }
  portaudio_.emplace();
  stream_ = std::make_unique<ClickStream>(schedule, sound, audio);
  midi_ = std::make_unique<MidiInput>(midi, kit, StreamClock{stream_clock, stream_.get()});
  output_ = stream_.get();
  kit_ = midi_.get();
}

void LiveDevices::abandon() {
  output_->abandon();
  if (portaudio_) portaudio_->abandon();
}

}  // namespace pocket::app
