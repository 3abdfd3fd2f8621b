#include "live/live_devices.hpp"

#include "audio/jack_server.hpp"

namespace pocket {

namespace {

double stream_clock(const void* context) {
  return static_cast<const ClickStream*>(context)->stream_time();
}

bool jack_audio(const StreamSettings& audio) {
  return audio.host_api.empty() || jack_host_api(audio.host_api);
}

}  // namespace

bool jack_host_api(const std::string& host_api) {
  return host_api.find("JACK") != std::string::npos;
}

std::string automatic_midi_api(const StreamSettings& audio) {
  return jack_audio(audio) && jack_server_running() ? "jack" : "alsa";
}

LivePath live_path(const MidiInputSettings& midi, const StreamSettings& audio) {
  return midi.api == "jack" && jack_audio(audio) ? LivePath::jack : LivePath::portaudio;
}

double precision_before_session_ms(const MidiInputSettings& midi, const StreamSettings& audio) {
  if (live_path(midi, audio) == LivePath::jack) return 1000.0 / audio.sample_rate;
  return midi.api == "jack" ? 1000.0 * audio.buffer_frames / audio.sample_rate : 1.0;
}

std::string live_path_text(const MidiInputSettings& midi, const StreamSettings& audio) {
  if (live_path(midi, audio) == LivePath::jack)
    return "pocket's own JACK client: click and kit on one frame clock, strokes timed to the "
           "frame";
  if (midi.api == "jack")
    return "PortAudio for the click, RtMidi's JACK input for the kit: strokes timed to within a "
           "period (audio through JACK would time them to the frame)";
  return "PortAudio for the click, RtMidi for the kit: strokes timed by the ALSA sequencer's "
         "stamps";
}

std::string virtual_port(const MidiInputSettings& midi, const StreamSettings& audio) {
  if (live_path(midi, audio) == LivePath::jack) return JackEngine::kMidiInPort;
  return "pocket-midi:pocket";  // RtMidi's client and port, on ALSA as on JACK
}

LiveDevices::LiveDevices(const StreamSettings& audio, const MidiInputSettings& midi,
                         LiveSchedule& schedule, const ClickSound& sound, const DrumMap& kit) {
  if (live_path(midi, audio) == LivePath::jack) {
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
  // A JACK client the server still holds (it stopped calling without shutting it down) cannot
  // be closed without waiting on the server, nor freed while JACK may call it: it is left to
  // the end of the program, which follows.
  [[maybe_unused]] static JackEngine* left_to_the_end = nullptr;  // static: kept, not lost
  if (jack_ && !jack_->server_gone()) left_to_the_end = jack_.release();
}

LiveDevices::~LiveDevices() = default;

}  // namespace pocket
