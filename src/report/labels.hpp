#pragma once

#include <string>

// Numbers rounded for people. A value that is not finite reads as zero.
namespace pocket::labels {

// At most one decimal and no trailing ".0": "152", "152.5", "-3", "0".
std::string one_decimal(double value);
// A tempo: "152 BPM", "152.5 BPM".
std::string bpm(double value);
// A spread in milliseconds, always with its decimal: "15.4 ms", "9.0 ms".
std::string ms(double value);
// A share as a whole percentage: "93%".
std::string percent(double share);

}  // namespace pocket::labels
