#pragma once

#include <string>

#include "core/drill.hpp"
#include "live/session_song.hpp"

namespace pocket::app {

// What the history keeps of a drill's settings (read back by load_session), with the song it
// played along with, when there was one: its file, a fingerprint of its bytes, its speed and
// where its first bar line is.
std::string drill_settings_json(const Drill& drill, const BackingOptions* song = nullptr);

}  // namespace pocket::app
