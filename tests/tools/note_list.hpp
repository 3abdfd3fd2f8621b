#pragma once

#include <cstdlib>
#include <cstring>
#include <vector>

// "36,42,38" as MIDI note numbers: the --notes option of the test tools that play a kit.
inline std::vector<int> parse_notes(const char* text) {
  std::vector<int> notes;
  for (const char* p = text; *p != '\0';) {
    notes.push_back(std::atoi(p));
    p = std::strchr(p, ',');
    if (p == nullptr) break;
    ++p;
  }
  return notes;
}
