// `pocket demo` on a machine with no sound card and no JACK server: it runs the whole ladder
// with its own drummer on a private server, keeps the session in the demo history only, writes
// the report and stops the server it started.
#include <filesystem>
#include <fstream>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "support/run_command.hpp"
#include "support/temp_dir.hpp"

using namespace pocket::test;
using Catch::Contains;

namespace {

// JACK servers running now whose command line names `name`.
int servers_named(const std::string& name) {
  int count = 0;
  for (const auto& entry : std::filesystem::directory_iterator("/proc")) {
    std::ifstream in(entry.path() / "cmdline");
    std::string cmdline((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    if (cmdline.find("jackd") != std::string::npos && cmdline.find(name) != std::string::npos)
      ++count;
  }
  return count;
}

}  // namespace

TEST_CASE("the demo runs a ladder to a real limit on a private server and leaves none behind",
          "[jack][demo]") {
  const TempDir dir;
  REQUIRE_FALSE(std::filesystem::exists("/dev/snd/seq"));  // a machine without sound hardware
  setenv("HOME", dir.path().c_str(), 1);
  setenv("XDG_DATA_HOME", (dir / "data").c_str(), 1);
  setenv("XDG_CONFIG_HOME", (dir / "config").c_str(), 1);
  setenv("POCKET_DB", (dir / "players-history.sqlite").c_str(), 1);
  setenv("JACK_DEFAULT_SERVER", "pocket-no-server-here", 1);  // no server of the player's
  unsetenv("JACK_NO_START_SERVER");

  const auto demo = run_command(POCKET_BINARY, {"demo", "--view", "lines"}, dir.path());
  INFO(demo.out << demo.err);
  REQUIRE(demo.exit_code == 0);
  CHECK_THAT(demo.out, Contains("runs a silent JACK server of its own"));
  CHECK_THAT(demo.out, Contains("step 1 at 100 BPM"));
  CHECK_THAT(demo.out, Contains("real limit at"));
  // What libjack says while looking for a server is not the player's business.
  CHECK_THAT(demo.err, !Contains("Cannot connect to server"));
  CHECK(servers_named("pocket-demo-") == 0);

  // The session is in the demo's history, not the player's.
  CHECK_FALSE(std::filesystem::exists(dir / "players-history.sqlite"));
  const auto demo_db = dir / "data" / "pocket" / "demo" / "history.sqlite";
  REQUIRE(std::filesystem::exists(demo_db));
  const auto exported = run_command(
      POCKET_BINARY, {"export", "1", "--format", "json", "--db", demo_db.string()}, dir.path());
  INFO(exported.err);
  REQUIRE(exported.exit_code == 0);
  const nlohmann::json session = nlohmann::json::parse(exported.out);
  CHECK(session["session"]["drill"] == "demo");
  CHECK(session["session"]["status"] == "finished");
  // About a minute at 100 to 112.5 BPM: four steps or more of four bars, a stroke a beat.
  CHECK(session["strokes"].size() >= 64);

  const auto report = dir / "data" / "pocket" / "demo" / "session-1.html";
  CHECK_THAT(demo.out, Contains(report.string()));
  REQUIRE(std::filesystem::exists(report));
  const std::string page = read_text(report);
  CHECK_THAT(page, Contains("<svg"));
  CHECK_THAT(page, Contains("real limit"));
}
