// pocket ladder against a real JACK server and the virtual drummer.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "live_rig.hpp"

using namespace pocket::test;
using Catch::Contains;

TEST_CASE("a ladder finds the drummer's real limit", "[jack][ladder]") {
  LiveRig rig;
  DrummerOptions drummer;
  drummer.jitter_ms = 3.0;
  drummer.limit_bpm = 150.0;
  CommandResult result;
  rig.with_drummer(drummer, [&] {
    result = rig.pocket({"ladder", "--from", "100", "--to", "180", "--step", "4%", "--bars", "2",
                         "--calibration-ms", "0"});
  });
  INFO(result.err);
  REQUIRE(result.exit_code == 0);
  const nlohmann::json j = nlohmann::json::parse(result.out);
  const nlohmann::json& verdict = j["ladder"]["verdict"];
  INFO(verdict["message"]);
  CHECK(verdict["kind"] == "real limit");
  CHECK(verdict["last_bpm"].get<double>() >= 145.0);
  CHECK(verdict["last_bpm"].get<double>() <= 155.0);
  CHECK(verdict["best_passed_bpm"].get<double>() < 150.0);
  // The steps climbed in 4 % steps, each passed step one step above the last.
  const nlohmann::json& steps = j["ladder"]["steps"];
  REQUIRE(steps.size() >= 10);
  CHECK(steps[0]["bpm"] == 100.0);
  CHECK(steps[1]["bpm"] == 104.0);
  CHECK(steps[0]["passed"] == true);

  // The ladder was kept as it went: its steps, verdict and report.
  const auto shown = run_command(POCKET_BINARY, {"show", "1"}, rig.dir().path());
  CHECK_THAT(shown.out,
             Contains("session 1: ladder") && Contains("real limit") && Contains("step"));
  const auto page = rig.dir() / "ladder.html";
  REQUIRE(run_command(POCKET_BINARY, {"report", "1", "--out", page.string()}, rig.dir().path())
              .exit_code == 0);
  CHECK_THAT(read_text(page), Contains("104 BPM") && Contains("real limit"));
  const auto history =
      run_command(POCKET_BINARY, {"history", "--drill", "ladder"}, rig.dir().path());
  CHECK_THAT(history.out, Contains("100-"));
}

TEST_CASE("a ladder stopped while the drummer is accurate says stopped early", "[jack][ladder]") {
  LiveRig rig;
  DrummerOptions drummer;
  drummer.jitter_ms = 3.0;
  rig.with_drummer(drummer, [&] {
    BackgroundProcess pocket(POCKET_BINARY,
                             rig.pocket_args({"ladder", "--from", "120", "--to", "180", "--step",
                                              "3%", "--bars", "2", "--calibration-ms", "0"}),
                             rig.dir() / "ladder.json", rig.dir() / "ladder.err");
    std::this_thread::sleep_for(std::chrono::seconds(16));
    pocket.signal(SIGINT);  // the player stops: Ctrl-C
    REQUIRE(pocket.wait(std::chrono::seconds(10)) == 0);
  });
  const nlohmann::json j = nlohmann::json::parse(read_text(rig.dir() / "ladder.json"));
  INFO(j["ladder"]["verdict"]["message"]);
  CHECK(j["interrupted"] == true);
  CHECK(j["ladder"]["verdict"]["kind"] == "stopped early");
  CHECK_THAT(j["ladder"]["verdict"]["message"].get<std::string>(), Contains("further"));
  CHECK(j["ladder"]["steps"].size() >= 2);
}
