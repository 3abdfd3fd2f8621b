// Dynamics against a real JACK server: the virtual drummer plays accents, normal strokes and
// ghost notes at velocities of its own, and pocket reports each as played, to the velocity.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "live_rig.hpp"

using namespace pocket::test;

TEST_CASE("accents, normal strokes and ghost notes are told apart at the drummer's velocities",
          "[jack][dynamics]") {
  LiveRig rig;
  const auto drill = rig.dir().write("accents.toml", R"(
name = "Accents and ghosts"
grid = 16
[tempo]
bpm = 90
[pattern]
snare = "Xxgx Xxgx Xxgx Xxgx"
)");
  DrummerOptions drummer;
  drummer.subdivide = 4;  // sixteenths between the quarter-note clicks
  drummer.velocities = "120,90,40,90";
  drummer.jitter_ms = 2.0;
  CommandResult result;
  const auto played = rig.with_drummer(drummer, [&] {
    result = rig.pocket({"drill", drill.string(), "--max-bars", "8"});
  });
  INFO(result.err);
  REQUIRE(result.exit_code == 0);
  const nlohmann::json j = nlohmann::json::parse(result.out);
  REQUIRE(LiveRig::after_count_in(played, 4).size() >= 100);

  // Each stroke pocket kept carries the velocity the drummer sent for its position.
  const int by_position[] = {120, 90, 40, 90};
  std::size_t checked = 0;
  for (const auto& s : j["strokes"]) {
    if (!s["matched"].get<bool>()) continue;
    CHECK(s["velocity"] == by_position[s["slot"].get<long>() % 4]);
    ++checked;
  }
  CHECK(checked >= 100);
  const nlohmann::json& d = j["dynamics"];
  INFO(d.dump());
  CHECK(d["accents"]["velocity_mean"] == 120.0);
  CHECK(d["normals"]["velocity_mean"] == 90.0);
  CHECK(d["ghosts"]["velocity_mean"] == 40.0);
  CHECK(d["ghosts"]["velocity_cv"] == 0.0);
  CHECK(d["accent_gap"] == Approx(120.0 / 90.0).margin(0.005));  // a share, to two decimals
  CHECK(d["accents_louder"] == 1.0);
  // Per position too: the bar's own velocities, 1 loud, its & soft.
  for (const auto& p : j["positions"]) {
    const std::string label = p["position"];
    if (label == "1" || label == "3") CHECK(p["velocity_mean"] == 120.0);
    if (label == "1&" || label == "4&") CHECK(p["velocity_mean"] == 40.0);
  }
}
