#pragma once

#include <stdexcept>
#include <string>

#include <fmt/format.h>
#include <rtmidi/RtMidi.h>

namespace pocket {

// "alsa" or "jack" as RtMidi's API. Throws std::runtime_error naming both for anything else.
inline RtMidi::Api rtmidi_api(const std::string& name) {
  if (name == "alsa") return RtMidi::LINUX_ALSA;
  if (name == "jack") return RtMidi::UNIX_JACK;
  throw std::runtime_error(fmt::format("unknown MIDI API '{}': use alsa or jack", name));
}

}  // namespace pocket
