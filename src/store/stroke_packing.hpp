#pragma once

#include <cstdint>
#include <span>
#include <stdexcept>
#include <vector>

#include "session_record.hpp"

namespace pocket {

// Strokes packed for the history: a bar of them in one value, about 12 bytes a stroke where a
// row of columns took 70. The pads' names come once, first; then each stroke as variable-length
// integers, most as the change from the stroke before: frame, time and offset in whole
// microseconds (finer than a frame at any rate pocket plays), velocity, slot, bar and flags.
std::vector<std::uint8_t> pack_strokes(std::span<const StoredStroke> strokes);

// Throws PackingError when the bytes are not strokes packed by pack_strokes.
std::vector<StoredStroke> unpack_strokes(std::span<const std::uint8_t> packed);

struct PackingError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

}  // namespace pocket
