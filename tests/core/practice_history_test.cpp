#include <vector>

#include <catch2/catch.hpp>

#include "core/practice_history.hpp"
#include "held_tempi.hpp"

using namespace pocket;
using namespace pocket::test;
using std::chrono::days;
using std::chrono::sys_days;

TEST_CASE("dates read and print as YYYY-MM-DD", "[history]") {
  for (const char* text : {"2027-03-10", "2028-02-29", "1999-12-31", "2027-01-01"}) {
    const std::optional<sys_days> d = parse_date(text);
    REQUIRE(d);
    CHECK(format_date(*d) == text);
  }
  CHECK(date("2027-03-10") - date("2027-01-10") == days{59});
  CHECK(format_date(sys_days{std::chrono::year{2027} / 3 / 1} - days{1}) == "2027-02-28");
}

TEST_CASE("malformed or impossible dates read as nothing", "[history]") {
  for (const char* text :
       {"2027-02-30", "2027-02-29", "2027-13-01", "2027-00-10", "2027-04-31", "2027-3-10",
        "2027/03/10", "2027-03-10x", "20270310", "", "abcd-ef-gh", " 2027-03-1", "2027-03-+1"}) {
    CHECK_FALSE(parse_date(text));
  }
}

TEST_CASE("the consolidated tempo is the highest held in the recent window", "[history]") {
  SECTION("sessions more than 28 days older than the newest do not count") {
    const std::vector<HeldTempo> s{held(40, 150.0), held(28, 131.0), held(3, 128.0), none_held(0)};
    CHECK(consolidated_tempo(s) == 131.0);  // 25 days older than the newest held one
    CHECK(consolidated_tempo(s, {10, 24}) == 128.0);
    CHECK(consolidated_tempo(s, {10, 25}) == 131.0);  // exactly that many days still counts
  }
  SECTION("only the last 10 sessions count") {
    std::vector<HeldTempo> s{held(20, 160.0)};  // the oldest of eleven
    for (int i = 10; i >= 1; --i) s.push_back(held(i, 120.0 + i));
    CHECK(consolidated_tempo(s) == 130.0);
    CHECK(consolidated_tempo(s, {11, 28}) == 160.0);
  }
  SECTION("sessions that held nothing take no place in the window") {
    std::vector<HeldTempo> s{held(60, 150.0), held(20, 126.0)};
    for (int i = 15; i >= 0; --i) s.push_back(none_held(i));  // sixteen loose sessions since
    CHECK(consolidated_tempo(s) == 126.0);  // 150 was held 40 days before 126: out
  }
  SECTION("sessions that held nothing give nothing") {
    const std::vector<HeldTempo> s{none_held(5), none_held(2), none_held(0)};
    CHECK_FALSE(consolidated_tempo(s));
    CHECK_FALSE(consolidated_tempo({}));
  }
  CHECK_THROWS(consolidated_tempo(std::vector<HeldTempo>{held(0, 120.0)}, {0, 28}));
  CHECK_THROWS(consolidated_tempo(std::vector<HeldTempo>{held(0, 120.0)}, {10, -1}));
}
