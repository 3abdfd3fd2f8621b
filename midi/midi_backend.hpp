#pragma once

#include <string>

namespace pocket {

// [main-thread] Hides what libjack and alsa-lib print on their own when a server or device
// cannot be reached: pocket says what matters in one line of its own. Safe to call again.
void quiet_midi_libraries();

// [main-thread] Throws std::runtime_error with one line saying what to do when the API
// ("alsa" or "jack") cannot be reached here: no JACK server running, no ALSA sequencer.
// Checked before RtMidi opens the API, which would print its own warnings otherwise.
void require_midi_api(const std::string& api);

}  // namespace pocket
