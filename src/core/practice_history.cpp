#include "practice_history.hpp"

#include <algorithm>
#include <stdexcept>

#include <fmt/format.h>

namespace pocket {

using std::chrono::days;
using std::chrono::sys_days;

namespace {

int parse_digits(std::string_view text) {
  int value = 0;
  for (const char c : text) value = value * 10 + (c - '0');
  return value;
}

}  // namespace

std::optional<sys_days> parse_date(std::string_view text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
  for (const std::size_t i : {0, 1, 2, 3, 5, 6, 8, 9}) {
    if (text[i] < '0' || text[i] > '9') return std::nullopt;
  }
  const std::chrono::year_month_day date{
      std::chrono::year{parse_digits(text.substr(0, 4))},
      std::chrono::month{static_cast<unsigned>(parse_digits(text.substr(5, 2)))},
      std::chrono::day{static_cast<unsigned>(parse_digits(text.substr(8, 2)))}};
  if (!date.ok()) return std::nullopt;
  return sys_days{date};
}

std::string format_date(sys_days date) {
  const std::chrono::year_month_day ymd{date};
  return fmt::format("{:04}-{:02}-{:02}", static_cast<int>(ymd.year()),
                     static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()));
}

std::optional<double> consolidated_tempo(std::span<const HeldTempo> sessions,
                                         ConsolidationWindow window) {
  if (window.sessions < 1) throw std::invalid_argument("the window needs at least 1 session");
  if (window.days < 0) throw std::invalid_argument("the window cannot span negative days");
  std::optional<sys_days> newest;
  std::optional<double> highest;
  int counted = 0;
  for (auto it = sessions.rbegin(); it != sessions.rend() && counted < window.sessions; ++it) {
    if (!it->bpm) continue;
    if (!newest) newest = it->date;
    if (*newest - it->date > days{window.days}) break;
    highest = std::max(highest.value_or(*it->bpm), *it->bpm);
    ++counted;
  }
  return highest;
}

}  // namespace pocket
