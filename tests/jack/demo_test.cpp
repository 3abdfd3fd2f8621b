// `pocket demo` on a machine with no sound card and no JACK server, in a terminal as a newcomer
// runs it: it runs the whole ladder with its own drummer on a private server and shows it in
// the live view, keeps the session in the demo history only, writes the report and stops the
// server it started.
#include <filesystem>
#include <fstream>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "support/run_command.hpp"
#include "support/temp_dir.hpp"
#include "support/tmux_window.hpp"

using namespace pocket::test;
using namespace std::chrono_literals;
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
  const std::string d = dir.path().string();
  // A newcomer's shell: no history, no config, no JACK server of the player's.
  const std::string environment = "-u JACK_NO_START_SERVER HOME=" + d + " XDG_DATA_HOME=" + d +
                                  "/data XDG_CONFIG_HOME=" + d + "/config POCKET_DB=" + d +
                                  "/players-history.sqlite "
                                  "JACK_DEFAULT_SERVER=pocket-no-server-here";
  const Tmux tmux(dir, "env " + environment + " " + POCKET_BINARY + " demo 2> " + d +
                           "/err.txt; echo $? > " + d + "/code.txt; sleep 600");

  // The live view shows the ladder as the drummer climbs it.
  const std::string first_step = tmux.wait_for("step 1 at 100 BPM", 30s);
  INFO(tmux.screen());
  REQUIRE_FALSE(first_step.empty());
  CHECK_THAT(first_step, Contains("click: "));
  CHECK_THAT(first_step, Contains("no solid tempo of demo in the demo's history"));
  CHECK_FALSE(tmux.wait_for("step 2 at 104 BPM", 30s).empty());

  const std::string code = wait_for_file(dir / "code.txt", 120s);
  const std::string shown = tmux.scrollback();
  INFO(shown);
  REQUIRE(code == "0\n");
  CHECK_THAT(shown, Contains("runs a silent JACK server of its own"));
  CHECK_THAT(shown, Contains("real limit at"));
  // What libjack says while looking for a server is not the player's business.
  CHECK_THAT(read_text(dir / "err.txt"), !Contains("Cannot connect to server"));
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
  REQUIRE(std::filesystem::exists(report));
  // The path is printed whole; a narrow window may fold it, so look without the line breaks.
  std::string unfolded = shown;
  std::erase(unfolded, '\n');
  CHECK_THAT(unfolded, Contains(report.string()));
  const std::string page = read_text(report);
  CHECK_THAT(page, Contains("<svg"));
  CHECK_THAT(page, Contains("real limit"));
}
