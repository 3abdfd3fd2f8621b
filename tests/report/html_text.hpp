#pragma once

#include <cstddef>
#include <string>

// Reading a generated page as text, for the report's tests.
namespace pocket::test {

// How many times `needle` occurs in `text`, overlaps counted.
inline std::size_t count(const std::string& text, const std::string& needle) {
  std::size_t n = 0;
  for (auto at = text.find(needle); at != std::string::npos; at = text.find(needle, at + 1)) ++n;
  return n;
}

// The <svg> element whose class list names `kind`, up to its closing tag.
inline std::string chart(const std::string& page, const std::string& kind) {
  const auto start = page.find("<svg class=\"chart " + kind + "\"");
  if (start == std::string::npos) return {};
  return page.substr(start, page.find("</svg>", start) - start);
}

}  // namespace pocket::test
