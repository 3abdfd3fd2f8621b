// The small pieces the pages share: dates on an axis, round steps, labels for people.
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "report/calendar.hpp"
#include "report/labels.hpp"
#include "report/svg_draw.hpp"

using namespace pocket;

TEST_CASE("ISO dates become day numbers and words", "[calendar]") {
  CHECK(calendar::day_number("1970-01-01") == 0);
  CHECK(calendar::day_number("1970-01-05") == 4);
  CHECK(calendar::day_number("2024-02-29").has_value());
  CHECK_FALSE(calendar::day_number("2026-02-29").has_value());
  CHECK_FALSE(calendar::day_number("2026-13-01").has_value());
  CHECK_FALSE(calendar::day_number("2026-1-3").has_value());
  CHECK_FALSE(calendar::day_number("2026-11-03T10:00").has_value());
  CHECK_FALSE(calendar::day_number("").has_value());
  const int day = *calendar::day_number("2026-11-03");
  CHECK(calendar::iso(day) == "2026-11-03");
  CHECK(calendar::month_day(day) == "Nov 3");
  CHECK(calendar::full(day) == "Nov 3 2026");
  CHECK(calendar::year_of(day) == 2026);
}

TEST_CASE("date ticks fall on days a reader counts in", "[calendar]") {
  const int start = *calendar::day_number("2026-11-03");
  CHECK(calendar::ticks(start, start + 4, 9).size() == 5);  // every day
  CHECK(calendar::ticks(start, start + 4, 9).front() == start);

  const std::vector<int> weeks = calendar::ticks(start, start + 60, 9);
  REQUIRE(weeks.size() >= 4);
  for (int day : weeks) CHECK((day - 4) % 7 == 0);  // Mondays
  CHECK(calendar::month_day(weeks.front()) == "Nov 9");

  const std::vector<int> months = calendar::ticks(start, start + 400, 9);
  REQUIRE(months.size() >= 4);
  for (int day : months) CHECK(calendar::iso(day).ends_with("-01"));
  CHECK(months.size() <= 9);

  const std::vector<int> years = calendar::ticks(start, start + 20 * 365, 9);
  REQUIRE_FALSE(years.empty());
  for (int day : years) CHECK(calendar::iso(day).ends_with("-01-01"));
}

TEST_CASE("round steps come in 1, 2, 2.5 and 5", "[svg_draw]") {
  CHECK(svg::nice_step(2.2) == 5.0);
  CHECK(svg::nice_step(12.0) == 20.0);
  CHECK(svg::nice_step_with_quarters(0.9) == Approx(1.0));
  CHECK(svg::nice_step_with_quarters(2.2) == 2.5);
  CHECK(svg::nice_step_with_quarters(3.0) == 5.0);
  CHECK(svg::nice_step_with_quarters(21.0) == 25.0);
  CHECK(svg::nice_step_with_quarters(26.0) == 50.0);
  CHECK(svg::nice_step_with_quarters(0.0) == 1.0);
}

TEST_CASE("spreads carry one decimal", "[labels]") {
  CHECK(labels::ms(15.41834) == "15.4 ms");
  CHECK(labels::ms(9.0) == "9.0 ms");
  CHECK(labels::ms(25.25) == "25.3 ms");
}
