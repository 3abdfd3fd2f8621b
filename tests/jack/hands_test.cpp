// Two hands against a real JACK server: the virtual drummer plays the paradiddle drill with its
// left hand late and soft, and pocket must tell the hands apart as the drummer played them.
#include <map>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "live_rig.hpp"

using namespace pocket::test;
using Catch::Contains;

namespace {
constexpr long kCountInEighths = 8;  // one bar of 4/4, the click on the eighths
constexpr const char* kParadiddle = "RLRRLRLL";
}  // namespace

TEST_CASE("paradiddles with the left hand 5 ms late and 20 percent softer are told hand by hand",
          "[jack][hands]") {
  LiveRig rig;
  DrummerOptions drummer;
  drummer.clicks_per_beat = 2;
  drummer.subdivide = 2;  // sixteenths between the eighth-note clicks
  drummer.sticking = "RLRR LRLL";
  drummer.hand_bias = "L:5";
  drummer.hand_velocity = "R:100,L:80";
  drummer.jitter_ms = 1.0;
  CommandResult result;
  const auto played = rig.with_drummer(drummer, [&] {
    // At 75 BPM a sixteenth is 9600 frames: every slot falls on a frame.
    result = rig.pocket({"drill", "paradiddles", "--from", "75", "--max-bars", "8"});
  });
  INFO(result.err);
  REQUIRE(result.exit_code == 0);
  const nlohmann::json j = nlohmann::json::parse(result.out);
  const auto drill = LiveRig::after_count_in(played, kCountInEighths);
  REQUIRE(drill.size() >= 100);

  // The drummer's own record, hand by hand, and pocket's strokes by slot.
  std::map<long, const nlohmann::json*> by_slot;
  for (const auto& s : j["strokes"]) {
    if (s["matched"].get<bool>()) by_slot[s["slot"].get<long>()] = &s;
  }
  std::map<char, std::vector<double>> csv_offsets;
  std::map<char, std::vector<long>> loop_frames;  // pocket's offset less the drummer's
  std::size_t velocity_checked = 0, velocity_wrong = 0;
  for (const DrummerStroke& s : drill) {
    const long slot = (s.click_index - kCountInEighths) * 2 + s.part;
    CHECK(s.hand == kParadiddle[slot % 8]);
    csv_offsets[s.hand].push_back(s.offset_ms);
    const auto it = by_slot.find(slot);
    if (it == by_slot.end()) continue;  // lost next to a late cycle: the counts below allow it
    ++velocity_checked;
    velocity_wrong += (*it->second)["velocity"].get<int>() == s.velocity ? 0 : 1;
    loop_frames[s.hand].push_back(std::lround((*it->second)["offset_ms"].get<double>() * 48.0) -
                                  std::lround(s.offset_ms * 48.0));
  }
  CHECK(velocity_checked + 8 >= drill.size());
  CHECK(velocity_wrong == 0);

  // The loop both hands share, from the right hand's strokes: what pocket adds to every offset.
  std::vector<long> right_loop = loop_frames['R'];
  REQUIRE(right_loop.size() > 20);
  std::nth_element(right_loop.begin(), right_loop.begin() + right_loop.size() / 2,
                   right_loop.end());
  const double loop_ms = static_cast<double>(right_loop[right_loop.size() / 2]) / 48.0;
  const auto mean = [](const std::vector<double>& v) {
    double sum = 0.0;
    for (const double x : v) sum += x;
    return sum / static_cast<double>(v.size());
  };
  const nlohmann::json& hands = j["hands"];
  INFO("pocket: " << hands.dump() << "; the loop " << loop_ms << " ms; drummer: right "
                  << mean(csv_offsets['R']) << " ms, left " << mean(csv_offsets['L']) << " ms");
  CHECK(hands["right"]["mean_offset_ms"].get<double>() - loop_ms ==
        Approx(mean(csv_offsets['R'])).margin(0.5));
  CHECK(hands["left"]["mean_offset_ms"].get<double>() - loop_ms ==
        Approx(mean(csv_offsets['L'])).margin(0.5));
  CHECK(hands["right"]["velocity_mean"] == 100.0);
  CHECK(hands["left"]["velocity_mean"] == 80.0);
  CHECK(hands["left"]["velocity_cv"] == 0.0);
  // Each double (RR, LL) as loud on its second stroke as on its first, as the drummer played.
  CHECK(j["dynamics"]["doubles"]["second_over_first"] == 1.0);
  CHECK_THAT(
      hands["summary"].get<std::string>(),
      Contains("the left hand sits") && Contains("ms behind the right and plays 20 % softer"));
}
