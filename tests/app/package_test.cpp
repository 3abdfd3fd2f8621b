// The Debian package: built by cpack from this build, it declares every library the program
// links, and its program, unpacked, runs with its presets, man page and completion.
#include <filesystem>
#include <set>
#include <sstream>
#include <string>

#include <catch2/catch.hpp>

#include "support/run_command.hpp"
#include "support/scoped_env.hpp"
#include "support/temp_dir.hpp"

using namespace pocket;
using Catch::Contains;

namespace {

// The package that holds a file, as dpkg knows it ("libportaudio2"), or "" for none. With a
// merged /usr, the loader's path (/lib/...) may be registered under /usr/lib/... or the
// other way round.
std::string package_of(const std::string& path, const test::TempDir& dir) {
  for (const std::string& candidate : {path, "/usr" + path, path.substr(4)}) {
    const test::CommandResult found = test::run_command("dpkg", {"-S", candidate}, dir.path());
    if (found.exit_code == 0) {
      const std::string name = found.out.substr(0, found.out.find(':'));
      return name;
    }
  }
  return "";
}

// The package names of a Depends line: "a (>= 1), b | c" gives a, b and c.
std::set<std::string> names_of(const std::string& depends) {
  std::set<std::string> names;
  std::string word;
  std::istringstream in(depends);
  while (in >> word) {
    if (word == "|" || word.starts_with("(") || word.ends_with(")")) continue;
    if (word.ends_with(",")) word.pop_back();
    names.insert(word);
  }
  return names;
}

}  // namespace

TEST_CASE("the Debian package declares what the program links and runs unpacked", "[package]") {
  const test::TempDir dir;
  const test::CommandResult packed = test::run_command(
      CPACK_COMMAND,
      {"-G", "DEB", "--config", std::string(POCKET_BUILD_DIR) + "/CPackConfig.cmake", "-B",
       (dir / "out").string()},
      dir.path());
  INFO(packed.out << packed.err);
  REQUIRE(packed.exit_code == 0);
  std::filesystem::path deb;
  for (const auto& entry : std::filesystem::directory_iterator(dir / "out")) {
    if (entry.path().extension() == ".deb") deb = entry.path();
  }
  REQUIRE(!deb.empty());
  CHECK(deb.filename().string().starts_with("pocket_" POCKET_VERSION "_"));
  CHECK(deb.filename().string().ends_with("_amd64.deb"));

  const auto field = [&](const std::string& name) {
    const test::CommandResult f =
        test::run_command("dpkg-deb", {"-f", deb.string(), name}, dir.path());
    REQUIRE(f.exit_code == 0);
    return f.out.substr(0, f.out.find_last_not_of('\n') + 1);
  };
  CHECK(field("Package") == "pocket");
  CHECK(field("Version") == POCKET_VERSION);
  const std::set<std::string> depends = names_of(field("Depends"));
  INFO("Depends: " << field("Depends"));

  const auto root = dir / "root";
  REQUIRE(
      test::run_command("dpkg-deb", {"-x", deb.string(), root.string()}, dir.path()).exit_code ==
      0);
  const auto program = root / "usr" / "bin" / "pocket";
  REQUIRE(std::filesystem::exists(program));
  CHECK(std::filesystem::exists(root / "usr/share/pocket/presets/drills/paradiddles.toml"));
  CHECK(std::filesystem::exists(root / "usr/share/pocket/presets/kits/gm.toml"));
  CHECK(std::filesystem::exists(root / "usr/share/man/man1/pocket.1"));
  CHECK(std::filesystem::exists(root / "usr/share/bash-completion/completions/pocket"));

  // Every library the program itself needs (its NEEDED entries; theirs come with their own
  // packages), where the loader finds it, comes from a package the line declares.
  const test::CommandResult dynamic =
      test::run_command("objdump", {"-p", program.string()}, dir.path());
  REQUIRE(dynamic.exit_code == 0);
  std::set<std::string> needed;
  std::istringstream entries(dynamic.out);
  for (std::string word; entries >> word;) {
    if (word == "NEEDED" && entries >> word) needed.insert(word);
  }
  const test::CommandResult linked = test::run_command("ldd", {program.string()}, dir.path());
  REQUIRE(linked.exit_code == 0);
  std::istringstream lines(linked.out);
  int libraries = 0;
  for (std::string line; std::getline(lines, line);) {
    const auto arrow = line.find("=> /");
    std::istringstream first(line);
    std::string soname;
    first >> soname;
    if (arrow == std::string::npos || needed.count(soname) == 0) continue;
    const std::string path = line.substr(arrow + 3, line.find(' ', arrow + 3) - arrow - 3);
    const std::string package = package_of(path, dir);
    INFO(line << " is in the package '" << package << "'");
    REQUIRE(!package.empty());
    CHECK(depends.count(package) == 1);
    ++libraries;
  }
  CHECK(libraries == static_cast<int>(needed.size()));  // the loader found each
  CHECK(libraries > 10);  // portaudio, rtmidi, jack, sqlite, fmt, sndfile, ...

  // The unpacked program finds its presets beside it, as it will under /usr.
  const test::ScopedEnv no_override("POCKET_PRESETS", "");
  const test::ScopedEnv config("XDG_CONFIG_HOME", (dir / "config").string());
  const test::CommandResult drills = test::run_command(
      program.string(), {"drills", "--db", (dir / "h.sqlite").string()}, dir.path());
  INFO(drills.err);
  CHECK(drills.exit_code == 0);
  CHECK_THAT(drills.out, Contains("paradiddles") && Contains("groove-rock"));
  const test::CommandResult render = test::run_command(
      program.string(),
      {"render", "--bpm", "120", "--bars", "1", "--out", (dir / "click.wav").string()}, dir.path());
  INFO(render.err);
  CHECK(render.exit_code == 0);
  CHECK(std::filesystem::file_size(dir / "click.wav") > 48000);
}
