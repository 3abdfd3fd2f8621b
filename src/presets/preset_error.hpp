#pragma once

#include <stdexcept>

namespace pocket {

// A preset or config file pocket cannot use; the message names the file, line, column and key
// and says what was expected.
struct PresetError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

}  // namespace pocket
