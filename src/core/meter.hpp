#pragma once

#include <string>
#include <string_view>

namespace pocket {

// A time signature. Tempo counts the meter's unit: 6/8 at 180 BPM is 180 eighth notes a minute.
struct Meter {
  int beats = 4;  // per bar, 1..32
  int unit = 4;   // the note value of one beat: 1, 2, 4, 8, 16 or 32

  friend bool operator==(const Meter&, const Meter&) = default;
};

// Throws std::invalid_argument naming what is wrong.
void validate(Meter meter);

// Parses "7/8". Throws std::invalid_argument naming what is wrong.
Meter parse_meter(std::string_view text);

std::string to_string(Meter meter);

}  // namespace pocket
