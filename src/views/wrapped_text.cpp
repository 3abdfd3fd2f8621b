#include "views/wrapped_text.hpp"

#include <algorithm>

namespace pocket {

std::vector<std::string> wrapped_text(std::string_view text, std::size_t width) {
  std::vector<std::string> rows;
  std::string row;
  std::size_t start = 0;
  while (start < text.size()) {
    const std::size_t end = std::min(text.find(' ', start), text.size());
    const std::string_view word = text.substr(start, end - start);
    start = end + 1;
    if (word.empty()) continue;  // runs of spaces
    if (!row.empty() && row.size() + 1 + word.size() > width) {
      rows.push_back(row);
      row.clear();
    }
    if (!row.empty()) row += ' ';
    row += word;
  }
  if (!row.empty()) rows.push_back(row);
  return rows;
}

std::string shortened(const std::string& text, std::size_t width) {
  return text.size() <= width ? text : text.substr(0, width - 3) + "...";
}

}  // namespace pocket
