#pragma once

#include "core/errors.hpp"

namespace pocket {

// A preset or config file pocket cannot use; the message names the file, line, column and key
// and says what was expected.
struct PresetError : InputFileError {
  using InputFileError::InputFileError;
};

}  // namespace pocket
