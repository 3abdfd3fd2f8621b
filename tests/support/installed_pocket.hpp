#pragma once

#include <filesystem>

#include <catch2/catch.hpp>

#include "support/run_command.hpp"
#include "support/temp_dir.hpp"

namespace pocket::test {

// `cmake --install` of the build tree into `dir`/prefix, as a player would install it.
// Needs POCKET_BUILD_DIR and CMAKE_COMMAND from the test's build.
inline std::filesystem::path install_pocket(const TempDir& dir) {
  const std::filesystem::path prefix = dir / "prefix";
  const CommandResult install = run_command(
      CMAKE_COMMAND, {"--install", POCKET_BUILD_DIR, "--prefix", prefix.string()}, dir.path());
  INFO(install.out << install.err);
  REQUIRE(install.exit_code == 0);
  REQUIRE(std::filesystem::exists(prefix / "bin" / "pocket"));
  return prefix;
}

}  // namespace pocket::test
