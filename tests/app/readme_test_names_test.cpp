// README.md cites tests by name, in backticks: `jack:kill -9 during play loses nothing before
// the current bar`. Each cited name must be one that `ctest -N` lists in this build folder, so a
// renamed test cannot leave the README pointing at nothing.
#include <catch2/catch.hpp>

#include <algorithm>
#include <iostream>
#include <regex>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "support/run_command.hpp"
#include "support/temp_dir.hpp"

namespace {

// The suites' prefixes: TEST_PREFIX in tests/*/CMakeLists.txt (the names ctest lists lose the
// space after its colon) and the start of the fuzz-replay tests' names.
const std::vector<std::string> kSuitePrefixes = {
    "core:",  "audio:", "midi:", "presets:", "store:",    "report:",  "live:",
    "views:", "web:",   "app:",  "jack:",    "pipewire:", "browser:", "fuzz-replay:"};

std::string suite_of(const std::string& text) {
  for (const std::string& prefix : kSuitePrefixes)
    if (text.starts_with(prefix)) return prefix;
  return {};
}

// The text of every code span in `markdown` that starts with a suite's prefix, in order, once
// each. A span may wrap across lines within its paragraph: the line break and the spaces
// around it become one space. Fenced code blocks are left out.
std::vector<std::string> cited_test_names(const std::string& markdown) {
  std::vector<std::string> paragraphs(1);
  std::istringstream lines(markdown);
  bool in_fence = false;
  for (std::string line; std::getline(lines, line);) {
    const auto first = line.find_first_not_of(" \t");
    if (first != std::string::npos && line.compare(first, 3, "```") == 0) {
      in_fence = !in_fence;
      paragraphs.emplace_back();
    } else if (in_fence) {
      continue;
    } else if (first == std::string::npos) {
      paragraphs.emplace_back();
    } else {
      paragraphs.back() += line + '\n';
    }
  }
  std::vector<std::string> names;
  for (const std::string& paragraph : paragraphs) {
    for (std::size_t open = paragraph.find('`'); open != std::string::npos;) {
      const std::size_t close = paragraph.find('`', open + 1);
      if (close == std::string::npos) break;
      std::string span = paragraph.substr(open + 1, close - open - 1);
      span = std::regex_replace(span, std::regex("[ \t]*\n[ \t]*"), " ");
      if (!suite_of(span).empty() && std::find(names.begin(), names.end(), span) == names.end())
        names.push_back(span);
      open = paragraph.find('`', close + 1);
    }
  }
  return names;
}

}  // namespace

TEST_CASE("README.md cites tests by the names ctest lists", "[readme]") {
  const std::vector<std::string> cited = cited_test_names(pocket::test::read_text(POCKET_README));
  INFO("test names cited in README.md: " << cited.size());
  REQUIRE(cited.size() >= 15);

  const pocket::test::TempDir scratch;
  const auto ctest = pocket::test::run_command(
      CTEST_COMMAND, {"-N", "--test-dir", POCKET_BUILD_DIR}, scratch.path());
  {
    INFO("ctest -N failed: " << ctest.err);
    REQUIRE(ctest.exit_code == 0);
  }
  std::set<std::string> listed;
  std::set<std::string> unknown_suites;
  bool some_not_built = false;
  const std::regex test_line(R"(^ *Test +#[0-9]+: (.*)$)");
  std::istringstream out(ctest.out);
  for (std::string line; std::getline(out, line);) {
    std::smatch match;
    if (!std::regex_match(line, match, test_line)) continue;
    const std::string name = match[1];
    listed.insert(name);
    some_not_built = some_not_built || name.find("_NOT_BUILT") != std::string::npos;
    // A suite this test does not know of: its citations would go unchecked.
    std::smatch suite;
    if (std::regex_search(name, suite, std::regex("^[a-z-]+:")) && suite_of(name).empty())
      unknown_suites.insert(suite[0]);
  }
  INFO("ctest -N lists " << listed.size() << " tests in " POCKET_BUILD_DIR);

  // On standard error, one a line: Catch would wrap long names in its own messages.
  std::size_t missing = 0;
  for (const std::string& name : cited) {
    if (listed.contains(name)) continue;
    if (missing++ == 0) std::cerr << "Cited in README.md, not listed by ctest -N:\n";
    std::cerr << "  " << name << '\n';
    // "jack: NAME" where ctest lists "jack:NAME".
    const std::string prefix = suite_of(name);
    const std::size_t rest = name.find_first_not_of(' ', prefix.size());
    const std::string trimmed = rest == std::string::npos ? name : prefix + name.substr(rest);
    if (trimmed != name && listed.contains(trimmed))
      std::cerr << "    ctest lists it as: " << trimmed << '\n';
  }
  if (missing > 0 && some_not_built)
    std::cerr << "Some test programs are not built, and ctest lists none of their tests.\n";
  INFO(missing << " of the " << cited.size()
               << " test names cited in README.md are not listed by ctest -N (see above)");
  CHECK(missing == 0);

  std::string suites;
  for (const std::string& suite : unknown_suites) suites += " " + suite;
  INFO(
      "suites ctest lists that this test does not know of (add them to kSuitePrefixes):" << suites);
  CHECK(unknown_suites.empty());
}
