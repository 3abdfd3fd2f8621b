#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace pocket {

// `text` broken at spaces into rows of at most `width` characters. A word longer than a row
// stays whole on a row of its own: the caller cuts it at the screen's edge.
std::vector<std::string> wrapped_text(std::string_view text, std::size_t width);

// `text` cut to `width` characters (at least 4), its end shown as "..." when it was longer: a
// cell of a table.
std::string shortened(const std::string& text, std::size_t width);

}  // namespace pocket
