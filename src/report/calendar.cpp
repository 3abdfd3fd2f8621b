#include "calendar.hpp"

#include <array>
#include <chrono>

#include <fmt/format.h>

#include "core/practice_history.hpp"

namespace pocket::calendar {

namespace {

using std::chrono::sys_days;
using std::chrono::year_month_day;

constexpr std::array<std::string_view, 12> kMonths = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                                      "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

year_month_day civil(int day) { return year_month_day{sys_days{std::chrono::days{day}}}; }

int day_of(int year, unsigned month, unsigned day) {
  const year_month_day date{std::chrono::year{year}, std::chrono::month{month},
                            std::chrono::day{day}};
  return static_cast<int>(sys_days{date}.time_since_epoch().count());
}

int floor_mod(int value, int divisor) { return ((value % divisor) + divisor) % divisor; }

// Months since January of year 0, the count month ticks are aligned on.
int month_index(const year_month_day& date) {
  return static_cast<int>(date.year()) * 12 + static_cast<int>(unsigned(date.month())) - 1;
}

std::vector<int> day_ticks(int first, int last, int step, int phase) {
  std::vector<int> days;
  for (int day = first; day <= last; ++day)
    if (floor_mod(day - phase, step) == 0) days.push_back(day);
  return days;
}

// The first of the month every `step` months (aligned on January) in [first, last].
std::vector<int> month_ticks(int first, int last, int step) {
  std::vector<int> days;
  const year_month_day start = civil(first);
  int index = month_index(start);
  index += floor_mod(-index, step);
  for (;; index += step) {
    const int day = day_of(index / 12, static_cast<unsigned>(index % 12) + 1, 1);
    if (day > last) break;
    if (day >= first) days.push_back(day);
  }
  return days;
}

}  // namespace

std::optional<int> day_number(std::string_view text) {
  const std::optional<sys_days> date = parse_date(text);
  if (!date) return std::nullopt;
  return static_cast<int>(date->time_since_epoch().count());
}

int year_of(int day) { return static_cast<int>(civil(day).year()); }

std::string iso(int day) { return format_date(sys_days{std::chrono::days{day}}); }

std::string month_day(int day) {
  const year_month_day date = civil(day);
  return fmt::format("{} {}", kMonths[unsigned(date.month()) - 1], unsigned(date.day()));
}

std::string full(int day) { return fmt::format("{} {}", month_day(day), year_of(day)); }

std::vector<int> ticks(int first, int last, int most) {
  if (last < first || most < 1) return {};
  constexpr int kMonday = 4;  // 1970-01-05, day 4, was a Monday
  const int span = last - first + 1;
  if (span <= most) return day_ticks(first, last, 1, first);
  if (span <= 2 * most) return day_ticks(first, last, 2, first);
  for (int weeks : {1, 2}) {
    std::vector<int> days = day_ticks(first, last, 7 * weeks, kMonday);
    if (static_cast<int>(days.size()) <= most) return days;
  }
  for (int months : {1, 2, 3, 6}) {
    std::vector<int> days = month_ticks(first, last, months);
    if (static_cast<int>(days.size()) <= most) return days;
  }
  for (int years = 1;; years *= 10) {
    for (int factor : {1, 2, 5}) {
      std::vector<int> days = month_ticks(first, last, 12 * years * factor);
      if (static_cast<int>(days.size()) <= most) return days;
    }
  }
}

}  // namespace pocket::calendar
