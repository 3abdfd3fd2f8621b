#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

// Dates on a time axis: ISO dates as day numbers, day numbers as words, and ticks on days a
// reader counts in.
namespace pocket::calendar {

// Days since 1970-01-01 of an ISO date "YYYY-MM-DD"; none when it is not a real date.
std::optional<int> day_number(std::string_view iso);

int year_of(int day);
// "2026-11-03".
std::string iso(int day);
// "Nov 3".
std::string month_day(int day);
// "Nov 3 2026".
std::string full(int day);

// Tick days in [first, last], at most `most` of them, on the finest of: every day, every
// other day, Mondays, every other Monday, the first of every 1, 2, 3 or 6 months, the first
// of January every 1, 2, 5, 10... years.
std::vector<int> ticks(int first, int last, int most);

}  // namespace pocket::calendar
