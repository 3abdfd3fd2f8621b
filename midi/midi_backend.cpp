#include "midi_backend.hpp"

#include <stdexcept>

#include <alsa/asoundlib.h>
#include <fmt/format.h>
#include <jack/jack.h>
#include "core/errors.hpp"

namespace pocket {

namespace {

void quiet_jack(const char*) {}
void quiet_alsa(const char*, int, const char*, int, const char*, ...) {}

}  // namespace

void quiet_midi_libraries() {
  jack_set_error_function(quiet_jack);
  jack_set_info_function(quiet_jack);
  snd_lib_error_set_handler(quiet_alsa);
}

void require_midi_api(const std::string& api) {
  quiet_midi_libraries();
  if (api == "jack") {
    jack_status_t status{};
    jack_client_t* probe = jack_client_open("pocket-probe", JackNoStartServer, &status);
    if (probe == nullptr) {
      throw DeviceError(
          "no JACK server is running: start one (e.g. qjackctl) or use --midi-api alsa");
    }
    jack_client_close(probe);
  } else if (api == "alsa") {
    snd_seq_t* probe = nullptr;
    if (const int error = snd_seq_open(&probe, "default", SND_SEQ_OPEN_INPUT, 0); error < 0) {
      throw DeviceError(fmt::format(
          "the ALSA MIDI sequencer cannot be opened ({}): load the snd-seq module or use "
          "--midi-api jack",
          snd_strerror(error)));
    }
    snd_seq_close(probe);
  }
}

}  // namespace pocket
