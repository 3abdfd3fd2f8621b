#include <vector>

#include <catch2/catch.hpp>

#include "core/practice_history.hpp"

using namespace pocket;
using Catch::Contains;
using std::chrono::days;
using std::chrono::sys_days;

namespace {

sys_days date(std::string_view text) { return parse_date(text).value(); }

const sys_days kToday = date("2027-01-10");

HeldTempo held(int days_before_today, double bpm) {
  return {kToday - days{days_before_today}, bpm};
}
HeldTempo none_held(int days_before_today) { return {kToday - days{days_before_today}, {}}; }

// Six weekly sessions rising 1.5 BPM a week, from 140 five weeks ago to 147.5 today.
std::vector<HeldTempo> rising() {
  return {held(35, 140.0), held(28, 141.5), held(21, 143.0),
          held(14, 144.5), held(7, 146.0),  held(0, 147.5)};
}

}  // namespace

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
  CHECK_THROWS(consolidated_tempo(rising(), {0, 28}));
}

TEST_CASE("a goal at or below the consolidated tempo is reached", "[history]") {
  const std::vector<HeldTempo> s{held(3, 158.0), held(1, 162.0)};
  const GoalProjection p = project_goal(s, {160.0, {}}, kToday);
  CHECK(p.kind == ProjectionKind::reached);
  CHECK(p.consolidated_bpm == 162.0);
  CHECK_FALSE(p.projected);
  CHECK(p.message == "You hold 162 BPM, at or above your goal of 160 BPM");
}

TEST_CASE("with nothing held there is nothing to project from", "[history]") {
  const std::vector<HeldTempo> s{none_held(14), none_held(7), none_held(0)};
  const GoalProjection p = project_goal(s, {160.0, {}}, kToday);
  CHECK(p.kind == ProjectionKind::too_few_sessions);
  CHECK_FALSE(p.consolidated_bpm);
  CHECK_FALSE(p.healthy_earliest);
  CHECK_THAT(p.message, Contains("nothing to project 160 BPM from"));
}

TEST_CASE("too few sessions or too short a span measure no rate", "[history]") {
  SECTION("two sessions") {
    const std::vector<HeldTempo> s{held(10, 140.0), held(0, 144.0)};
    const GoalProjection p = project_goal(s, {160.0, {}}, kToday);
    CHECK(p.kind == ProjectionKind::too_few_sessions);
    CHECK(p.consolidated_bpm == 144.0);
    CHECK_FALSE(p.bpm_per_week);
    CHECK_FALSE(p.projected);
    REQUIRE(p.healthy_earliest);
    CHECK_THAT(p.message,
               Contains("2 sessions held a tempo in the last 56 days, spanning 10 days") &&
                   Contains("at least 3 sessions spanning at least 7 days"));
  }
  SECTION("four sessions within five days") {
    const std::vector<HeldTempo> s{held(5, 140.0), held(3, 141.0), held(1, 142.0), held(0, 143.0)};
    const GoalProjection p = project_goal(s, {160.0, {}}, kToday);
    CHECK(p.kind == ProjectionKind::too_few_sessions);
    CHECK_FALSE(p.projected);
    CHECK_THAT(p.message, Contains("4 sessions") && Contains("spanning 5 days"));
  }
  SECTION("sessions older than 56 days do not count towards the rate") {
    const std::vector<HeldTempo> s{held(90, 120.0), held(70, 130.0), held(57, 135.0),
                                   held(14, 140.0), held(0, 144.0)};
    const GoalProjection p = project_goal(s, {160.0, {}}, kToday);
    CHECK(p.kind == ProjectionKind::too_few_sessions);
    CHECK_THAT(p.message, Contains("2 sessions"));
  }
  SECTION("sessions that held nothing do not count towards the rate") {
    const std::vector<HeldTempo> s{none_held(21), held(14, 140.0), none_held(7), held(0, 144.0)};
    CHECK(project_goal(s, {160.0, {}}, kToday).kind == ProjectionKind::too_few_sessions);
  }
}

TEST_CASE("a rising history projects the goal at the player's own rate", "[history]") {
  const GoalProjection p = project_goal(rising(), {160.0, {}}, kToday);
  CHECK(p.kind == ProjectionKind::no_date);
  CHECK(p.consolidated_bpm == 147.5);
  REQUIRE(p.bpm_per_week);
  CHECK(*p.bpm_per_week == Approx(1.5));
  // 12.5 BPM to go at 1.5 BPM a week: 58.3 days, so 59.
  REQUIRE(p.projected);
  CHECK(format_date(*p.projected) == "2027-03-10");
  // log(160 / 147.5) / log(1.05) = 1.67: two days at a healthy pace.
  REQUIRE(p.healthy_earliest);
  CHECK(format_date(*p.healthy_earliest) == "2027-01-12");
  CHECK(p.message ==
        "You hold 147.5 BPM now. At your current rate of about 1.5 BPM a week you would reach "
        "160 BPM around 2027-03-10");
}

TEST_CASE("a date after the projection is on track", "[history]") {
  const GoalProjection p = project_goal(rising(), {160.0, date("2027-04-01")}, kToday);
  CHECK(p.kind == ProjectionKind::on_track);
  CHECK(format_date(*p.projected) == "2027-03-10");
  CHECK_THAT(p.message, Contains("about 1.5 BPM a week") && Contains("around 2027-03-10") &&
                            Contains("by your date of 2027-04-01"));
  // The projected day itself is on track too.
  CHECK(project_goal(rising(), {160.0, date("2027-03-10")}, kToday).kind ==
        ProjectionKind::on_track);
}

TEST_CASE("a date before the projection but within a healthy pace is after the date", "[history]") {
  const GoalProjection p = project_goal(rising(), {160.0, date("2027-03-09")}, kToday);
  CHECK(p.kind == ProjectionKind::after_the_date);
  CHECK(p.message ==
        "160 BPM by 2027-03-09 is within a healthy pace, but at your current rate of about 1.5 "
        "BPM a week you would reach 160 BPM around 2027-03-10");
}

TEST_CASE("a date closer than a healthy pace allows is said plainly", "[history]") {
  // log(180 / 147.5) / log(1.05) = 4.08: five days, 2027-01-15.
  const GoalProjection p = project_goal(rising(), {180.0, date("2027-01-14")}, kToday);
  CHECK(p.kind == ProjectionKind::faster_than_healthy);
  CHECK(format_date(*p.healthy_earliest) == "2027-01-15");
  // 32.5 BPM to go at 1.5 BPM a week: 151.7 days, so 152.
  CHECK(format_date(*p.projected) == "2027-06-11");
  CHECK_THAT(p.message, Contains("180 BPM by 2027-01-14 would need more than a healthy pace") &&
                            Contains("the earliest is 2027-01-15") &&
                            Contains("around 2027-06-11"));
  // The healthy day itself is allowed.
  CHECK(project_goal(rising(), {180.0, date("2027-01-15")}, kToday).kind ==
        ProjectionKind::after_the_date);
  SECTION("with too few sessions to measure a rate there is no projection to add") {
    const std::vector<HeldTempo> s{held(0, 147.5)};
    const GoalProjection thin = project_goal(s, {180.0, date("2027-01-14")}, kToday);
    CHECK(thin.kind == ProjectionKind::faster_than_healthy);
    CHECK_FALSE(thin.projected);
    CHECK_THAT(thin.message, Contains("the earliest is 2027-01-15") && !Contains("around"));
  }
}

TEST_CASE("a level or easing history has no upward trend", "[history]") {
  const std::vector<HeldTempo> s{held(28, 150.0), held(21, 149.0), held(14, 150.0), held(7, 148.0),
                                 held(0, 147.0)};
  const GoalProjection p = project_goal(s, {160.0, date("2027-06-01")}, kToday);
  CHECK(p.kind == ProjectionKind::no_upward_trend);
  CHECK(p.consolidated_bpm == 150.0);
  REQUIRE(p.bpm_per_week);
  CHECK(*p.bpm_per_week == Approx(-0.7));  // least squares over the five sessions
  CHECK_FALSE(p.projected);
  // log(160 / 150) / log(1.05) = 1.32: two days.
  CHECK(format_date(*p.healthy_earliest) == "2027-01-12");
  CHECK_THAT(p.message, Contains("has not risen over the last 56 days (about -0.7 BPM a week)") &&
                            Contains("160 BPM on 2027-01-12 at the earliest"));

  const std::vector<HeldTempo> level{held(14, 150.0), held(7, 150.0), held(0, 150.0)};
  const GoalProjection flat = project_goal(level, {160.0, {}}, kToday);
  CHECK(flat.kind == ProjectionKind::no_upward_trend);
  CHECK_THAT(flat.message, Contains("about 0.0 BPM a week"));
}

TEST_CASE("a projection is never earlier than the healthy pace allows", "[history]") {
  // 30 BPM a week: 40 BPM to go in 9.3 days, but at most 1% a day needs 22.4 days.
  const std::vector<HeldTempo> s{held(14, 100.0), held(7, 130.0), held(0, 160.0)};
  const GoalProjection p = project_goal(s, {200.0, {}}, kToday, 1.0);
  CHECK(*p.bpm_per_week == Approx(30.0));
  REQUIRE(p.projected);
  CHECK(*p.projected == *p.healthy_earliest);
  CHECK(format_date(*p.projected) == "2027-02-02");
  CHECK_THAT(p.message, Contains("around 2027-02-02, the earliest a healthy pace allows"));
  // With the default 5% a day the player's own rate is the slower of the two.
  const GoalProjection fast = project_goal(s, {200.0, {}}, kToday);
  CHECK(*fast.projected - kToday == days{10});
  CHECK(*fast.healthy_earliest - kToday == days{5});
}

TEST_CASE("the healthy pace counts whole days of at most the cap each", "[history]") {
  const std::vector<HeldTempo> s{held(0, 100.0)};
  // 1.05 * 1.05 = 1.1025: exactly two days, not three.
  CHECK(*project_goal(s, {110.25, {}}, kToday).healthy_earliest - kToday == days{2});
  CHECK(*project_goal(s, {110.3, {}}, kToday).healthy_earliest - kToday == days{3});
  CHECK(*project_goal(s, {101.0, {}}, kToday).healthy_earliest - kToday == days{1});
  CHECK(*project_goal(s, {110.25, {}}, kToday, 10.0).healthy_earliest - kToday == days{2});
}

TEST_CASE("goals and caps out of range are refused", "[history]") {
  CHECK_THROWS_WITH(project_goal(rising(), {0.0, {}}, kToday), Contains("out of range"));
  CHECK_THROWS_WITH(project_goal(rising(), {160.0, {}}, kToday, 0.0), Contains("above 0%"));
  CHECK(to_string(ProjectionKind::faster_than_healthy) == "faster than healthy");
}
