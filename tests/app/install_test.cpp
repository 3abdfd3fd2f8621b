// `cmake --install` puts the program and presets/ under a prefix, where the program finds them.
#include <catch2/catch.hpp>

#include "support/run_command.hpp"
#include "support/temp_dir.hpp"

using namespace pocket;
using Catch::Contains;

TEST_CASE("an installed pocket finds its drills and kits under the prefix", "[install]") {
  const test::TempDir dir;
  const auto prefix = dir / "prefix";
  const auto install = test::run_command(
      CMAKE_COMMAND, {"--install", POCKET_BUILD_DIR, "--prefix", prefix.string()}, dir.path());
  INFO(install.out << install.err);
  REQUIRE(install.exit_code == 0);
  const auto program = prefix / "bin" / "pocket";
  REQUIRE(std::filesystem::exists(program));
  CHECK(std::filesystem::exists(prefix / "share" / "pocket" / "presets" / "README.md"));

  setenv("XDG_CONFIG_HOME", (dir / "config").c_str(), 1);
  const auto drills = test::run_command(
      program.string(), {"drills", "--db", (dir / "h.sqlite").string()}, dir.path());
  const auto kits = test::run_command(program.string(), {"kits"}, dir.path());
  unsetenv("XDG_CONFIG_HOME");
  INFO(drills.err << kits.err);
  CHECK(drills.exit_code == 0);
  CHECK_THAT(drills.out, Contains("paradiddles") && Contains("rock-groove"));
  CHECK(kits.exit_code == 0);
  CHECK_THAT(kits.out, Contains("roland") && Contains("gm"));

  // The player's own drill shadows the shipped one of the same name.
  const auto own = dir / "config" / "pocket" / "drills";
  std::filesystem::create_directories(own);
  std::ofstream(own / "paradiddles.toml") << "name = \"My paradiddles\"\n[tempo]\nbpm = 66\n";
  setenv("XDG_CONFIG_HOME", (dir / "config").c_str(), 1);
  const auto shadowed = test::run_command(
      program.string(), {"drills", "--db", (dir / "h.sqlite").string()}, dir.path());
  unsetenv("XDG_CONFIG_HOME");
  CHECK_THAT(shadowed.out, Contains("My paradiddles (yours)") && Contains("66 BPM"));
}
