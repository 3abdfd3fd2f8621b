#pragma once

#include <array>
#include <string>
#include <string_view>

namespace pocket {

// Text in large characters, five rows high, for the latest offset: readable from the drum
// throne. Covers digits, '+', '-', '.' and ' '; anything else is a blank.
inline constexpr int kBigTextRows = 5;
std::array<std::string, kBigTextRows> big_text(std::string_view text);

}  // namespace pocket
