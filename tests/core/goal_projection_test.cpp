// The goal projection on made-up histories: a date only at a clearly rising rate and within two
// years; otherwise what the history shows and what would change it.
#include <regex>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "core/goal_projection.hpp"
#include "held_tempi.hpp"

using namespace pocket;
using namespace pocket::test;
using std::chrono::days;
using std::chrono::sys_days;

namespace {

std::vector<HeldTempo> held_tempos(const std::vector<test::MadeUpSession>& sessions) {
  std::vector<HeldTempo> out;
  for (const test::MadeUpSession& s : sessions) out.push_back(held(s.days_before_today, s.bpm));
  return out;
}

std::vector<HeldTempo> made_up(std::string_view kind) {
  for (const test::MadeUpHistory& h : test::made_up_histories())
    if (h.kind == kind) return held_tempos(h.sessions);
  FAIL("no made-up history " << kind);
  return {};
}

// Every YYYY-MM-DD in a text.
std::vector<sys_days> dates_in(const std::string& text) {
  std::vector<sys_days> out;
  const std::regex iso(R"(\d{4}-\d{2}-\d{2})");
  for (auto it = std::sregex_iterator(text.begin(), text.end(), iso); it != std::sregex_iterator();
       ++it)
    out.push_back(date(it->str()));
  return out;
}

}  // namespace

TEST_CASE("each made-up history gives the sentence it must", "[goal_projection]") {
  for (const test::MadeUpHistory& h : test::made_up_histories()) {
    INFO(h.kind);
    const GoalProjection p = project_goal(held_tempos(h.sessions), {h.goal_bpm, {}}, kToday);
    CHECK(p.message == h.sentence);
    // A date only for the history that rises clearly and soon enough.
    CHECK(p.projected.has_value() == (h.kind == "rising steadily"));
  }
}

TEST_CASE("each made-up history is of its kind", "[goal_projection]") {
  const auto kind = [](std::string_view history, double goal = 130.0) {
    return project_goal(made_up(history), {goal, {}}, kToday).kind;
  };
  CHECK(kind("flat, without scatter") == ProjectionKind::level);
  CHECK(kind("flat, with scatter") == ProjectionKind::level);
  CHECK(kind("falling") == ProjectionKind::falling);
  CHECK(kind("rising slowly, with much scatter") == ProjectionKind::unclear);
  CHECK(kind("rising steadily", 160.0) == ProjectionKind::projected);
  CHECK(kind("rising too slowly to give a date within two years") ==
        ProjectionKind::beyond_two_years);
  CHECK(kind("a single week") == ProjectionKind::too_little);
}

TEST_CASE("the rate, its standard error and the ceiling are the projection's numbers",
          "[goal_projection]") {
  const GoalProjection p = project_goal(made_up("rising steadily"), {160.0, {}}, kToday);
  CHECK(p.consolidated_bpm == 147.5);
  REQUIRE(p.trend.bpm_per_week);
  CHECK(*p.trend.bpm_per_week == Approx(1.5));
  CHECK(*p.trend.standard_error_per_week == Approx(0.0).margin(1e-9));
  // 12.5 BPM to go at 1.5 BPM a week: 58.3 days, so 59.
  CHECK(format_date(*p.projected) == "2027-03-10");
  // The most the next session may climb: 5 % above 147.5, one decimal.
  REQUIRE(p.next_session_max_bpm);
  CHECK(*p.next_session_max_bpm == Approx(154.9));
  CHECK_FALSE(p.needed_bpm_per_week);  // no goal date
}

TEST_CASE("beside a goal date, the weekly rise it takes and the best eight weeks so far",
          "[goal_projection]") {
  SECTION("the best eight weeks of a history that rose, then levelled") {
    const GoalProjection p =
        project_goal(held_tempos(test::rose_then_levelled()), {130.0, date("2027-03-01")}, kToday);
    CHECK(p.kind == ProjectionKind::level);
    CHECK(p.message ==
          "Your held tempo has stayed near 107.7 BPM for 12 weeks: at this rate there is no "
          "date. A session that holds more than 107.7 BPM starts a rise; the next may climb as "
          "far as 113.1 BPM. 130 BPM by 2027-03-01 needs +3.1 BPM a week; your best eight weeks "
          "rose +1.1 a week.");
    CHECK(*p.best_bpm_per_week == Approx(1.1));
  }
  SECTION("a projection in time for the date, or after it") {
    struct Case {
      const char* by;
      ProjectionKind kind;
      const char* message;
    };
    for (const Case& c : {
             Case{"2027-04-01", ProjectionKind::on_track,
                  "Your held tempo is rising about 1.5 BPM a week over the last 8 weeks: at that "
                  "rate you would reach 160 BPM around 2027-03-10, in time for your date. 160 BPM "
                  "by 2027-04-01 needs +1.1 BPM a week; your best eight weeks rose +1.5 a week."},
             Case{"2027-03-05", ProjectionKind::after_the_date,
                  "Your held tempo is rising about 1.5 BPM a week over the last 8 weeks: at that "
                  "rate you would reach 160 BPM around 2027-03-10, after your date. 160 BPM by "
                  "2027-03-05 needs +1.6 BPM a week; your best eight weeks rose +1.5 a week."},
         }) {
      const GoalProjection p =
          project_goal(made_up("rising steadily"), {160.0, date(c.by)}, kToday);
      CHECK(p.kind == c.kind);
      CHECK(p.message == c.message);
    }
    // The projected day itself is in time.
    CHECK(project_goal(made_up("rising steadily"), {160.0, date("2027-03-10")}, kToday).kind ==
          ProjectionKind::on_track);
  }
  SECTION("no eight weeks that rose clearly") {
    const GoalProjection p = project_goal(made_up("falling"), {130.0, date("2027-03-01")}, kToday);
    CHECK(p.kind == ProjectionKind::falling);
    CHECK_FALSE(p.best_bpm_per_week);
    CHECK_FALSE(p.projected);
    CHECK_THAT(p.message, Catch::EndsWith(" 130 BPM by 2027-03-01 needs +2.1 BPM a week; no eight "
                                          "weeks of your history have clearly risen yet."));
  }
  SECTION("a date that has passed") {
    const GoalProjection p =
        project_goal(made_up("flat, without scatter"), {130.0, date("2027-01-09")}, kToday);
    CHECK_FALSE(p.needed_bpm_per_week);
    CHECK_THAT(p.message, Catch::EndsWith(" Your date, 2027-01-09, has passed: a new one gives a "
                                          "fresh measure."));
  }
}

TEST_CASE("no date more than two years ahead is ever printed", "[goal_projection]") {
  const sys_days farthest = kToday + days{kFarthestProjectionDays};
  int projected = 0, beyond = 0;
  // Steady climbs from 0.05 to 5 BPM a week, towards goals near and far.
  for (double per_week = 0.05; per_week <= 5.0; per_week *= 1.3) {
    std::vector<HeldTempo> s;
    for (int week = 8; week >= 0; --week)
      s.push_back({kToday - days{7 * week}, 100.0 - per_week * week});
    for (double goal = 101.0; goal <= 400.0; goal *= 1.07) {
      for (const std::optional<sys_days> by :
           {std::optional<sys_days>{}, std::optional{farthest}}) {
        const GoalProjection p = project_goal(s, {goal, by}, kToday);
        INFO(per_week << " BPM a week towards " << goal << ": " << p.message);
        if (p.projected) {
          CHECK(*p.projected <= farthest);
          ++projected;
        } else {
          CHECK(p.kind == ProjectionKind::beyond_two_years);
          ++beyond;
        }
        for (const sys_days d : dates_in(p.message)) CHECK(d <= farthest);
      }
    }
  }
  CHECK(projected > 50);
  CHECK(beyond > 50);
}

TEST_CASE("a goal at or below the consolidated tempo is reached", "[goal_projection]") {
  const std::vector<HeldTempo> s{{kToday - days{3}, 158.0}, {kToday - days{1}, 162.04}};
  const GoalProjection p = project_goal(s, {160.0, {}}, kToday);
  CHECK(p.kind == ProjectionKind::reached);
  CHECK_FALSE(p.projected);
  CHECK(p.message == "You hold 162 BPM, at or above your goal of 160 BPM.");
}

TEST_CASE("with nothing held there is no rate to measure", "[goal_projection]") {
  const std::vector<HeldTempo> s{{kToday - days{14}, {}}, {kToday - days{7}, {}}, {kToday, {}}};
  const GoalProjection p = project_goal(s, {160.0, date("2027-03-01")}, kToday);
  CHECK(p.kind == ProjectionKind::nothing_held);
  CHECK_FALSE(p.consolidated_bpm);
  CHECK_FALSE(p.next_session_max_bpm);
  CHECK(p.message ==
        "No session of this drill has held a tempo yet, so there is no rate to measure. The "
        "first session that meets its pass rule starts one.");
}

TEST_CASE("too little history says how little", "[goal_projection]") {
  const auto message = [](std::vector<HeldTempo> s) {
    return project_goal(s, {160.0, {}}, kToday).message;
  };
  const HeldTempo long_ago{kToday - days{90}, 120.0};
  CHECK(message({long_ago}) ==
        "No session in the last 8 weeks held a tempo: too little to tell a rate. A rate shows "
        "from 3 sessions over 2 weeks.");
  CHECK_THAT(message({long_ago, {kToday, 130.0}}),
             Catch::StartsWith("1 session in the last 8 weeks held a tempo: too little"));
  CHECK_THAT(message({{kToday - days{20}, 128.0}, {kToday, 130.0}}),
             Catch::StartsWith("2 sessions in the last 8 weeks held a tempo: too little"));
  CHECK_THAT(message({{kToday, 128.0}, {kToday, 129.0}, {kToday, 130.0}}),
             Catch::StartsWith("3 sessions in the last 8 weeks held a tempo, all on one day:"));
  CHECK_THAT(message({{kToday - days{1}, 128.0}, {kToday, 129.0}}),
             Catch::StartsWith("2 sessions in the last 8 weeks held a tempo, all within 1 day:"));
}

TEST_CASE("goals and caps out of range are refused", "[goal_projection]") {
  const std::vector<HeldTempo> s = made_up("rising steadily");
  CHECK_THROWS_WITH(project_goal(s, {0.0, {}}, kToday), Catch::Contains("out of range"));
  CHECK_THROWS_WITH(project_goal(s, {160.0, {}}, kToday, 0.0), Catch::Contains("above 0%"));
  CHECK(to_string(ProjectionKind::beyond_two_years) == "beyond two years");
  CHECK(to_string(ProjectionKind::too_little) == "too little to tell");
}
