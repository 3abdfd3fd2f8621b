// `pocket goal` on stored histories of each kind, and one rounding for every tempo a player
// reads: the histories are written through the store's API, as sessions would leave them.
#include <chrono>
#include <string>

#include <catch2/catch.hpp>

#include "core/practice_history.hpp"
#include "core/tempo_text.hpp"
#include "store/session_store.hpp"
#include "support/history_fixture.hpp"
#include "support/made_up_histories.hpp"
#include "support/stored_history.hpp"

using namespace pocket;
using Catch::Contains;

namespace {

const std::chrono::sys_days kToday = *parse_date(test::kMadeUpToday);

// A made-up history kept as ladder sessions of paradiddles, each holding its tempo.
void store_history(const test::History& h, const std::vector<test::MadeUpSession>& sessions) {
  SessionStore store(h.db);
  for (const test::MadeUpSession& s : sessions) {
    test::store_ladder(store, "paradiddles",
                       format_date(kToday - std::chrono::days{s.days_before_today}), s.bpm);
  }
}

}  // namespace

TEST_CASE("pocket goal tells each kind of stored history the sentence it must", "[goals]") {
  for (const test::MadeUpHistory& made_up : test::made_up_histories()) {
    INFO(made_up.kind);
    test::History h;
    store_history(h, made_up.sessions);
    const std::string goal = format_one_decimal(made_up.goal_bpm);
    const auto set =
        h.pocket({"goal", "paradiddles", "--bpm", goal, "--today", test::kMadeUpToday});
    INFO(set.out << set.err);
    REQUIRE(set.exit_code == 0);
    CHECK_THAT(set.out, Contains("paradiddles: " + goal + " BPM\n") &&
                            Contains("  consolidated now  " + made_up.consolidated + "\n") &&
                            Contains("  " + made_up.sentence + "\n"));
    // Asked again later the same day, it says the same.
    CHECK(h.pocket({"goal", "paradiddles", "--today", test::kMadeUpToday}).out ==
          set.out.substr(set.out.find('\n') + 1));
  }
}

TEST_CASE("pocket goal shows the rate, the next session's ceiling and what a date takes",
          "[goals]") {
  test::History h;
  store_history(h, test::rose_then_levelled());
  const auto result = h.pocket(
      {"goal", "paradiddles", "--bpm", "130", "--by", "2027-03-01", "--today", "2027-01-10"});
  INFO(result.out << result.err);
  REQUIRE(result.exit_code == 0);
  CHECK(result.out ==
        "goal set\n"
        "paradiddles: 130 BPM by 2027-03-01\n"
        "  consolidated now  107.7 BPM\n"
        "  your rate         +0.0 BPM a week over the last 8 weeks, give or take 0.0\n"
        "  next session      up to 113.1 BPM, 5% above what you hold\n"
        "  Your held tempo has stayed near 107.7 BPM for 12 weeks: at this rate there is no "
        "date. A session that holds more than 107.7 BPM starts a rise; the next may climb as far "
        "as 113.1 BPM. 130 BPM by 2027-03-01 needs +3.1 BPM a week; your best eight weeks rose "
        "+1.1 a week.\n");
  CHECK_THAT(h.pocket({"goal", "--help"}).out,
             Contains("--by") && Contains("twice its standard error"));
}

TEST_CASE("tempi read with one decimal everywhere but --json", "[goals][drills][progress]") {
  test::History h;
  {
    SessionStore store(h.db);
    test::store_fixed(store, "paradiddles", "2027-01-09", 113.372, 0.95, 8.0);
  }
  REQUIRE(h.pocket({"goal", "paradiddles", "--bpm", "130.25", "--today", "2027-01-10"}).exit_code ==
          0);
  const auto goals = h.pocket({"goals", "--today", "2027-01-10"});
  CHECK_THAT(goals.out, Contains("paradiddles: 130.3 BPM") &&
                            Contains("consolidated now  113.4 BPM") &&
                            Contains("up to 119 BPM, 5% above what you hold"));
  CHECK_THAT(h.pocket({"drills"}).out, Contains("113.4 BPM") && Contains("130.3 BPM"));
  CHECK_THAT(h.pocket({"history"}).out, Contains("113.4 BPM"));
  const auto page = h.dir / "progress.html";
  const auto progress = h.pocket({"progress", "--today", "2027-01-10", "--html", page.string()});
  CHECK_THAT(progress.out, Contains("consolidated 113.4 BPM") && Contains("130.3 BPM"));
  const std::string html = test::read_text(page);
  CHECK_THAT(html, Contains("113.4 BPM") && Contains("130.3 BPM"));
  for (const std::string& text : {goals.out, progress.out, html}) {
    CHECK_THAT(text, !Contains("113.37") && !Contains("130.25"));
  }
  // Full precision stays in what programs read.
  CHECK_THAT(h.pocket({"export", "1", "--format", "json"}).out, Contains("113.372"));
}
