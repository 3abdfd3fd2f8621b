// A shipped groove on a real JACK server: the virtual drummer plays its notes (and leaves some
// out), and pocket reports every expected note hit or missed exactly as the drummer played it.
#include <map>
#include <set>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "core/drill.hpp"
#include "groove_drummer.hpp"
#include "live_rig.hpp"
#include "midi/groove_file.hpp"
#include "support/shipped_presets.hpp"

using namespace pocket::test;

namespace {

constexpr long kCountInClicks = 4;  // one bar of 4/4, the click on the quarters
constexpr long kSlotsPerClick = 4;  // sixteenths
constexpr long kBars = 8;

}  // namespace

TEST_CASE("a shipped groove: every expected note is hit or missed as the drummer played it",
          "[jack][groove]") {
  pocket::Drill drill = shipped_presets().drill("groove-hiphop").drill;
  pocket::play_groove(drill,
                      pocket::read_groove(drill.groove->file, shipped_kit(drill.groove->map)));
  const pocket::DrumMap kit = shipped_kit("gm");  // the rig's: pocket's default kit
  const long positions = static_cast<long>(drill.pattern.front().marks.size());

  LiveRig rig;
  DrummerOptions drummer;
  drummer.subdivide = kSlotsPerClick;
  drummer.position_notes = position_notes(drill, kit, kCountInClicks * kSlotsPerClick);
  drummer.miss_every = 7;  // a stroke in seven left out, so every note is missed now and then
  drummer.jitter_ms = 2.0;
  CommandResult result;
  const auto played = rig.with_drummer(drummer, [&] {
    result = rig.pocket({"drill", "groove-hiphop", "--max-bars", std::to_string(kBars)});
  });
  INFO(result.err);
  REQUIRE(result.exit_code == 0);
  const nlohmann::json j = nlohmann::json::parse(result.out);
  REQUIRE(j["meter"] == to_string(drill.meters));

  // What the drummer played, by pad and slot, in the bars pocket scored.
  const long slots = kBars * (positions / static_cast<long>(drill.meters.size()));
  const Disturbances disturbances = rig.disturbances(j);
  std::set<std::pair<std::string, long>> csv, near_disturbance;
  for (const DrummerStroke& s : LiveRig::after_count_in(played, kCountInClicks)) {
    const long slot = (s.click_index - kCountInClicks) * kSlotsPerClick + s.part;
    if (slot >= slots) continue;
    const std::string pad = kit.pad_names().at(static_cast<std::size_t>(kit.pad_of(s.note)));
    csv.insert({pad, slot});
    if (LiveRig::disturbed(s, disturbances)) near_disturbance.insert({pad, slot});
  }
  REQUIRE(csv.size() > 100);
  std::set<std::pair<std::string, long>> matched;
  for (const auto& s : j["strokes"]) {
    if (s["matched"].get<bool>()) matched.insert({s["pad"], s["slot"].get<long>()});
  }

  // Every expected note of every bar: struck where the drummer played it, missed where not.
  std::size_t due = 0, checked = 0, missed = 0;
  for (long slot = 0; slot < slots; ++slot) {
    for (const pocket::PadPattern& line : drill.pattern) {
      if (line.marks[static_cast<std::size_t>(slot % positions)] == '.') continue;
      const std::pair<std::string, long> note{line.pad, slot};
      ++due;
      if (near_disturbance.count(note) > 0) continue;
      INFO(line.pad << " at slot " << slot);
      CHECK(matched.count(note) == csv.count(note));
      ++checked;
      missed += csv.count(note) == 0 ? 1 : 0;
    }
  }
  // Eight bars of the groove's four times round: some 150 notes, a few next to late cycles.
  CHECK(due > 120);
  CHECK(checked * 4 > due * 3);
  CHECK(missed > 10);  // the drummer's left-out strokes, each seen missing
  // Nothing the drummer played was taken for another note: no extra strokes.
  CHECK(j["extra"] == 0);
  // The notes' own tallies add up to the session's misses, and none is missed more than due.
  long notes_missed = 0;
  for (const auto& n : j["pattern"]["notes"]) {
    notes_missed += n["missed"].get<long>();
    CHECK(n["hit"].get<long>() + n["missed"].get<long>() == n["due"].get<long>());
  }
  CHECK(notes_missed == j["missed"].get<long>());
  if (near_disturbance.empty()) CHECK(static_cast<std::size_t>(notes_missed) == missed);
  INFO(near_disturbance.size() << " notes next to a late cycle left out");
}
