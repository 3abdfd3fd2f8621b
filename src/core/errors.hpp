#pragma once

#include <stdexcept>

namespace pocket {

// What went wrong, by what the player can do about it: each kind has its own exit code.

// A mistake in what the player typed or asked for: reported in one line.
struct UsageError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// An audio output or MIDI input cannot be opened or has gone: the message names it and lists
// what there is, or says what to start.
struct DeviceError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// A file the player gave cannot be read or used (a MIDI file, a sample, a preset, the
// config): the message names the file and, where it can, the place in it.
struct InputFileError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

}  // namespace pocket
