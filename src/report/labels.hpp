#pragma once

#include <cstdint>
#include <string>

// Numbers rounded for people. Tempi and plain one-decimal numbers come from core/tempo_text.hpp,
// one rounding for every page and terminal. A value that is not finite reads as zero.
namespace pocket::labels {

// A spread in milliseconds, always with its decimal: "15.4 ms", "9.0 ms".
std::string ms(double value);
// A share as a whole percentage: "93%".
std::string percent(double share);
// How often something happened: "once", "3 times".
std::string times(std::int64_t count);

}  // namespace pocket::labels
