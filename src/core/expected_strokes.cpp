#include "expected_strokes.hpp"

#include <algorithm>
#include <stdexcept>

#include <fmt/format.h>
#include <fmt/ranges.h>

namespace pocket {

namespace {

// The marks as written, '-' read as '.'.
std::string raw_marks(std::string_view line) {
  std::string marks;
  for (const char c : line) {
    if (c == '|' || c == ' ') continue;
    if (c != 'x' && c != 'X' && c != 'g' && c != '.' && c != '-') {
      throw std::invalid_argument(
          fmt::format("pattern '{}': use x for a stroke, X for an accent, g for a ghost note and "
                      ". for none ('|' and spaces may separate)",
                      line));
    }
    marks += c == '-' ? '.' : c;
  }
  return marks;
}

Level level_of(char mark) {
  switch (mark) {
    case 'X': return Level::accent;
    case 'x': return Level::normal;
    case 'g': return Level::ghost;
    default: return Level::none;
  }
}

}  // namespace

std::string pattern_marks(std::string_view line) {
  std::string marks = raw_marks(line);
  for (char& c : marks) c = c == '.' ? '.' : 'x';
  return marks;
}

void check_pattern(const PadPattern& line, int positions, bool cycle) {
  if (!valid_pad_name(line.pad)) {
    throw std::invalid_argument(fmt::format(
        "the pattern's pad '{}' must be a lower-case word, like snare or tom1", line.pad));
  }
  const std::string marks = pattern_marks(line.marks);
  if (static_cast<int>(marks.size()) != positions) {
    throw std::invalid_argument(
        fmt::format("the pattern for '{}' has {} marks but a {} of the grid "
                    "has {} slots",
                    line.pad, marks.size(), cycle ? "meter cycle" : "bar", positions));
  }
}

ExpectedStrokes::ExpectedStrokes(std::span<const PadPattern> patterns,
                                 std::span<const std::string> pad_names, int positions,
                                 bool cycle) {
  if (patterns.empty()) return;
  by_pad_.resize(pad_names.size());
  for (const PadPattern& p : patterns) {
    const auto it = std::find(pad_names.begin(), pad_names.end(), p.pad);
    if (it == pad_names.end()) {
      throw std::invalid_argument(
          fmt::format("the pattern has a line for '{}', a pad this kit does not have (it has {})",
                      p.pad, fmt::join(pad_names, ", ")));
    }
    check_pattern(p, positions, cycle);
    const std::string marks = raw_marks(p.marks);
    std::vector<Level>& line = by_pad_[static_cast<std::size_t>(it - pad_names.begin())];
    line.resize(static_cast<std::size_t>(positions), Level::none);
    for (std::size_t i = 0; i < marks.size(); ++i) {
      line[i] = std::max(line[i], level_of(marks[i]));
      has_dynamics_ = has_dynamics_ || marks[i] == 'X' || marks[i] == 'g';
    }
  }
}

bool ExpectedStrokes::expects(int pad, int position) const {
  return level(pad, position) != Level::none;
}

Level ExpectedStrokes::level(int pad, int position) const {
  if (pad < 0 || static_cast<std::size_t>(pad) >= by_pad_.size()) return Level::none;
  const std::vector<Level>& line = by_pad_[static_cast<std::size_t>(pad)];
  if (position < 0 || static_cast<std::size_t>(position) >= line.size()) return Level::none;
  return line[static_cast<std::size_t>(position)];
}

std::vector<int> ExpectedStrokes::pads() const {
  std::vector<int> pads;
  for (std::size_t i = 0; i < by_pad_.size(); ++i) {
    if (!by_pad_[i].empty()) pads.push_back(static_cast<int>(i));
  }
  return pads;
}

}  // namespace pocket
