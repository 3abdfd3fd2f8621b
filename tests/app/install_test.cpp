// `cmake --install` puts the program, presets/, the man page and the bash completion under a
// prefix, where the program finds its presets and the man page covers every command and option.
#include <cctype>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "support/installed_pocket.hpp"
#include "support/run_command.hpp"
#include "support/scoped_env.hpp"
#include "support/temp_dir.hpp"

using namespace pocket;
using Catch::Contains;

namespace {

// The command names of the table in 'pocket --help'.
std::vector<std::string> commands_of(const std::string& help) {
  std::vector<std::string> names;
  std::istringstream lines(help);
  bool in_table = false;
  for (std::string line; std::getline(lines, line);) {
    if (line == "commands:") {
      in_table = true;
    } else if (in_table && line.starts_with("  ")) {
      names.push_back(line.substr(2, line.find(' ', 2) - 2));
    } else if (in_table) {
      break;
    }
  }
  return names;
}

// Every --option a help text names.
std::set<std::string> options_in(const std::string& help) {
  static const std::regex option("--[a-z][a-z0-9-]*");
  std::set<std::string> found;
  for (auto it = std::sregex_iterator(help.begin(), help.end(), option);
       it != std::sregex_iterator(); ++it)
    found.insert(it->str());
  return found;
}

// Whether `text` holds `option` as a whole word: "--max" is not in "--max-sd".
bool mentions(const std::string& text, const std::string& option) {
  for (auto at = text.find(option); at != std::string::npos; at = text.find(option, at + 1)) {
    const std::size_t end = at + option.size();
    if (end == text.size() ||
        !(std::isalnum(static_cast<unsigned char>(text[end])) || text[end] == '-'))
      return true;
  }
  return false;
}

// The part of the rendered page under the subsection "pocket COMMAND ...": up to the next
// subsection or section heading.
std::string man_section(const std::string& page, const std::string& command) {
  std::istringstream lines(page);
  std::string section;
  bool inside = false;
  for (std::string line; std::getline(lines, line);) {
    const bool heading = line.starts_with("   pocket ") || (!line.empty() && line[0] != ' ');
    if (heading && inside) break;
    if (line == "   pocket " + command || line.starts_with("   pocket " + command + " "))
      inside = true;
    if (inside) section += line + "\n";
  }
  return section;
}

}  // namespace

TEST_CASE("an installed pocket finds its drills and kits under the prefix", "[install]") {
  const test::TempDir dir;
  const auto prefix = test::install_pocket(dir);
  const auto program = prefix / "bin" / "pocket";
  CHECK(std::filesystem::exists(prefix / "share" / "pocket" / "presets" / "README.md"));
  // Empty is unset: the presets found are the installed ones, whatever this shell has set.
  const test::ScopedEnv no_override("POCKET_PRESETS", "");

  {
    const test::ScopedEnv config("XDG_CONFIG_HOME", (dir / "config").string());
    const auto drills = test::run_command(
        program.string(), {"drills", "--db", (dir / "h.sqlite").string()}, dir.path());
    const auto kits = test::run_command(program.string(), {"kits"}, dir.path());
    INFO(drills.err << kits.err);
    CHECK(drills.exit_code == 0);
    CHECK_THAT(drills.out, Contains("paradiddles") && Contains("rock-groove"));
    CHECK(kits.exit_code == 0);
    CHECK_THAT(kits.out, Contains("roland") && Contains("gm"));
  }

  // The player's own drill shadows the shipped one of the same name.
  const auto own = dir / "config" / "pocket" / "drills";
  std::filesystem::create_directories(own);
  std::ofstream(own / "paradiddles.toml") << "name = \"My paradiddles\"\n[tempo]\nbpm = 66\n";
  const test::ScopedEnv config("XDG_CONFIG_HOME", (dir / "config").string());
  const auto shadowed = test::run_command(
      program.string(), {"drills", "--db", (dir / "h.sqlite").string()}, dir.path());
  CHECK_THAT(shadowed.out, Contains("My paradiddles (yours)") && Contains("66 BPM"));
}

TEST_CASE("the installed man page covers every command and option of the installed pocket",
          "[install][man]") {
  const test::TempDir dir;
  const auto prefix = test::install_pocket(dir);
  const std::string program = (prefix / "bin" / "pocket").string();
  const auto page = prefix / "share" / "man" / "man1" / "pocket.1";
  REQUIRE(std::filesystem::exists(page));
  CHECK(std::filesystem::exists(prefix / "share" / "bash-completion" / "completions" / "pocket"));
  const test::ScopedEnv config("XDG_CONFIG_HOME", (dir / "config").string());

  // Wide enough that no heading wraps; options never break (the page turns hyphenation off).
  const test::ScopedEnv width("MANWIDTH", "100");
  const auto man = test::run_command("man", {"-l", page.string()}, dir.path());
  INFO(man.err);
  REQUIRE(man.exit_code == 0);
  CHECK_THAT(man.out, Contains("NAME") && Contains("SYNOPSIS") && Contains("DESCRIPTION") &&
                          Contains("COMMANDS") && Contains("THE LIVE VIEW") && Contains("FILES") &&
                          Contains("ENVIRONMENT") && Contains("EXIT STATUS") &&
                          Contains("EXAMPLES"));
  CHECK_THAT(man.out, Contains("config.toml") && Contains("history.sqlite") &&
                          Contains("share/pocket/presets") && Contains("POCKET_DB") &&
                          Contains("POCKET_PRESETS") && Contains("XDG_CONFIG_HOME"));
  // groff finds nothing to warn about.
  const auto groff =
      test::run_command("groff", {"-man", "-Tutf8", "-ww", "-z", page.string()}, dir.path());
  CHECK(groff.exit_code == 0);
  CHECK(groff.err.empty());

  // What the page must hold comes from the installed program, not from a list here.
  const auto help = test::run_command(program, {"--help"}, dir.path());
  const std::vector<std::string> commands = commands_of(help.out);
  {
    INFO(help.out);
    REQUIRE(commands.size() >= 15);
  }
  std::size_t options_checked = 0;
  for (const std::string& command : commands) {
    const std::string section = man_section(man.out, command);
    INFO("pocket " << command);
    CHECK_FALSE(section.empty());
    const auto command_help = test::run_command(program, {command, "--help"}, dir.path());
    REQUIRE(command_help.exit_code == 0);
    const std::set<std::string> options = options_in(command_help.out);
    CHECK(options.count("--help") == 1);
    for (const std::string& option : options) {
      INFO(option);
      CHECK(mentions(section, option));
      ++options_checked;
    }
  }
  // play, ladder and drill alone have some forty options each.
  CHECK(options_checked >= 150);
}
