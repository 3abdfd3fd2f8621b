#pragma once

#include <string>

#include <catch2/catch.hpp>

namespace pocket::test {

// Where `part` first stands in `text`. The test stops when it is not there: an order check
// such as find(a) < find(b) would otherwise pass with b missing (npos is past everything).
inline std::size_t find_required(const std::string& text, const std::string& part) {
  const std::size_t at = text.find(part);
  INFO("\"" << part << "\" not found in:\n" << text);
  REQUIRE(at != std::string::npos);
  return at;
}

}  // namespace pocket::test
