// Digests of sessions: kept when a session ends, filled in once for a history from before them,
// the same as the analysis rebuilt from the strokes; and history's page of the newest 20.
#include <fmt/format.h>
#include <catch2/catch.hpp>

#include "history/session_digest.hpp"
#include "history/stored_session.hpp"
#include "store/session_store.hpp"
#include "support/history_fixture.hpp"
#include "support/stored_history.hpp"

using namespace pocket;
using Catch::Contains;

namespace {

const std::string kSavedGroove = std::string(POCKET_SEEDS_DIR) + "/groove.mid";

// The digest a session's strokes give when rebuilt, against the one kept.
void check_kept_as_rebuilt(const SessionStore& store, std::int64_t id) {
  INFO("session " << id);
  const std::optional<SessionDigest> kept = store.digest(id);
  REQUIRE(kept);
  const SessionDigest rebuilt = digest_of(load_session(store, id));
  CHECK(kept->hits == rebuilt.hits);
  CHECK(kept->missed == rebuilt.missed);
  CHECK(kept->mean_offset_ms == rebuilt.mean_offset_ms);
  CHECK(kept->sd_offset_ms == rebuilt.sd_offset_ms);
  CHECK(kept->within_10ms == rebuilt.within_10ms);
  CHECK(kept->within_25ms == rebuilt.within_25ms);
  CHECK(kept->slots_within_25ms == rebuilt.slots_within_25ms);
  CHECK(kept->held_bpm == rebuilt.held_bpm);
  REQUIRE(kept->pads.size() == rebuilt.pads.size());
  for (std::size_t i = 0; i < kept->pads.size(); ++i) {
    CHECK(kept->pads[i].pad == rebuilt.pads[i].pad);
    CHECK(kept->pads[i].hits == rebuilt.pads[i].hits);
    CHECK(kept->pads[i].sd_offset_ms == rebuilt.pads[i].sd_offset_ms);
  }
}

}  // namespace

TEST_CASE("a session scored with --save keeps its digest when it ends", "[history][digest]") {
  test::History h;
  REQUIRE(h.pocket({"score", kSavedGroove, "--save"}).exit_code == 0);
  SessionStore store(h.db);
  CHECK(store.undigested().empty());
  check_kept_as_rebuilt(store, 1);
  CHECK(store.digest(1)->hits == 661);
  CHECK(store.digest(1)->pads.size() == 3);
}

TEST_CASE("sessions kept without digests get them once, and read the same before and after",
          "[history][digest]") {
  test::History h;
  {
    SessionStore store(h.db);
    test::store_ladder(store, "paradiddles", "2026-10-20", 90.0);
    test::store_ladder(store, "paradiddles", "2026-11-01", 94.0);
    test::store_fixed(store, "rock-groove", "2026-10-25", 100.0, 0.95, 8.0);
    // Still running (or the program died): never digested, read from its strokes each time.
    SessionRecord r;
    r.started_at = "2026-11-02T18:00:00Z";
    r.drill = "rock-groove";
    r.bpm_low = r.bpm_high = 104.0;
    const std::int64_t id = store.begin_session(r);
    store.add_strokes(id, std::vector<StoredStroke>{{0, 1.0, "snare", 90, 0, 0, 4.0, true, true},
                                                    {0, 1.5, "snare", 90, 1, 0, 2.0, true, true}});
  }
  // Read while the digests are missing: each rebuilt from its session's strokes.
  std::vector<SessionOutline> before;
  {
    SessionStore store(h.db);
    CHECK(store.undigested() == std::vector<std::int64_t>{1, 2, 3});
    before = digested_outlines(store, {"", "", -1});
    REQUIRE(before.size() == 4);
    CHECK(before.at(0).digest->hits == 2);  // the running one
  }
  const auto first = h.pocket({"progress", "--today", "2026-11-03"});
  REQUIRE(first.exit_code == 0);
  CHECK_THAT(first.out, Contains("rock-groove: 2 sessions from 2026-10-25 to 2026-11-02") &&
                            Contains("consolidated 100 BPM") && Contains("consolidated 94 BPM"));
  SessionStore store(h.db);
  CHECK(store.undigested().empty());
  for (std::int64_t id = 1; id <= 3; ++id) check_kept_as_rebuilt(store, id);
  CHECK(store.digest(2)->held_bpm == 94.0);
  CHECK_FALSE(store.digest(4));  // the running one
  // What the list of sessions reads after (the digests kept) is what it read before.
  const std::vector<SessionOutline> after = digested_outlines(store, {"", "", -1});
  REQUIRE(after.size() == before.size());
  for (std::size_t i = 0; i < after.size(); ++i) {
    INFO("session " << after[i].id);
    CHECK(after[i].id == before[i].id);
    CHECK(after[i].digest->hits == before[i].digest->hits);
    CHECK(after[i].digest->sd_offset_ms == before[i].digest->sd_offset_ms);
    CHECK(after[i].digest->within_25ms == before[i].digest->within_25ms);
    CHECK(after[i].digest->held_bpm == before[i].digest->held_bpm);
  }
}

TEST_CASE("history shows the newest 20 and says how many are older", "[history]") {
  test::History h;
  {
    SessionStore store(h.db);
    for (int day = 1; day <= 25; ++day) {
      test::store_fixed(store, "rock-groove", fmt::format("2026-10-{:02}", day), 100.0 + day, 0.95,
                        8.0);
    }
  }
  const auto page = h.pocket({"history"});
  REQUIRE(page.exit_code == 0);
  CHECK_THAT(page.out, Contains("125 BPM") && Contains("106 BPM") && !Contains("105 BPM"));
  CHECK_THAT(page.out, Contains("5 older: --all"));
  const auto all = h.pocket({"history", "--all"});
  CHECK_THAT(all.out, Contains("101 BPM") && !Contains("older"));
  CHECK_THAT(h.pocket({"history", "--limit", "30"}).out, !Contains("older"));
  CHECK_THAT(h.pocket({"history", "--since", "2026-10-20"}).out,
             Contains("120 BPM") && !Contains("119 BPM") && !Contains("older"));
  CHECK_THAT(h.pocket({"history", "--help"}).out, Contains("--all"));
}
