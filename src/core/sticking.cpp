#include "sticking.hpp"

#include <algorithm>
#include <stdexcept>

#include <fmt/format.h>
#include <fmt/ranges.h>

namespace pocket {

namespace {

Hand hand_of_mark(char mark) {
  switch (mark) {
    case 'R': return Hand::right;
    case 'L': return Hand::left;
    case 'B': return Hand::both;
    default: return Hand::none;
  }
}

std::vector<Hand> over_bar(const StickingLine& line, int positions) {
  check_sticking(line, positions);
  const std::string marks = sticking_marks(line.marks);
  std::vector<Hand> hands(static_cast<std::size_t>(positions));
  for (std::size_t i = 0; i < hands.size(); ++i) hands[i] = hand_of_mark(marks[i % marks.size()]);
  return hands;
}

}  // namespace

std::string_view to_string(Hand hand) {
  switch (hand) {
    case Hand::right: return "right";
    case Hand::left: return "left";
    case Hand::both: return "both";
    case Hand::none: break;
  }
  return "";
}

std::string sticking_marks(std::string_view line) {
  std::string marks;
  for (const char c : line) {
    if (c == '|' || c == ' ') continue;
    if (c != 'R' && c != 'L' && c != 'B' && c != '.' && c != '-') {
      throw std::invalid_argument(fmt::format(
          "sticking '{}': use R (right), L (left), B (both) and . for no stroke", line));
    }
    marks += c == '-' ? '.' : c;
  }
  return marks;
}

void check_sticking(const StickingLine& line, int positions) {
  const std::string marks = sticking_marks(line.marks);
  if (marks.empty() || positions % static_cast<int>(marks.size()) != 0) {
    throw std::invalid_argument(fmt::format(
        "the sticking{} has {} marks, which do not repeat evenly over the bar's {} slots",
        line.pad.empty() ? "" : fmt::format(" for '{}'", line.pad), marks.size(), positions));
  }
}

Sticking::Sticking(std::span<const StickingLine> lines, std::span<const std::string> pad_names,
                   int positions) {
  for (const StickingLine& line : lines) {
    if (line.pad.empty()) {
      every_pad_ = over_bar(line, positions);
      continue;
    }
    const auto it = std::find(pad_names.begin(), pad_names.end(), line.pad);
    if (it == pad_names.end()) {
      throw std::invalid_argument(
          fmt::format("the sticking names '{}', a pad this kit does not have (it has {})", line.pad,
                      fmt::join(pad_names, ", ")));
    }
    const auto pad = static_cast<std::size_t>(it - pad_names.begin());
    by_pad_.resize(std::max(by_pad_.size(), pad + 1));
    by_pad_[pad] = over_bar(line, positions);
  }
}

Hand Sticking::hand_of(int pad, int position) const {
  const auto p = static_cast<std::size_t>(position);
  if (pad >= 0 && static_cast<std::size_t>(pad) < by_pad_.size()) {
    const std::vector<Hand>& own = by_pad_[static_cast<std::size_t>(pad)];
    if (!own.empty()) return p < own.size() ? own[p] : Hand::none;
  }
  return p < every_pad_.size() ? every_pad_[p] : Hand::none;
}

}  // namespace pocket
