// The installed bash completion, run in bash as it would be on a TAB: commands, options, drill
// names and kit names, the player's own among them.
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "support/installed_pocket.hpp"
#include "support/run_command.hpp"
#include "support/scoped_env.hpp"
#include "support/temp_dir.hpp"

using namespace pocket;

namespace {

// Sources the completion file, completes the words given (the last is the one being typed)
// and prints what bash would offer, one a line. Exits 3 when the file did not register
// itself for pocket.
constexpr const char* kCompleteScript = R"(
source "$1" || exit 2
complete -p pocket >/dev/null 2>&1 || exit 3
shift
COMP_WORDS=("$@")
COMP_CWORD=$(($# - 1))
COMP_LINE="$*"
COMP_POINT=${#COMP_LINE}
$(complete -p pocket | sed -n 's/.*-F \([^ ]*\).*/\1/p') pocket "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD - 1]}"
printf '%s\n' "${COMPREPLY[@]}"
)";

struct Completion {
  test::TempDir dir;
  std::filesystem::path prefix = test::install_pocket(dir);
  std::filesystem::path file = prefix / "share" / "bash-completion" / "completions" / "pocket";
  std::filesystem::path script = dir.write("complete.sh", kCompleteScript);
  // The installed program is the one on the PATH, and the player's folder is the test's.
  test::ScopedEnv path{"PATH", (prefix / "bin").string() + ":" + std::getenv("PATH")};
  test::ScopedEnv config{"XDG_CONFIG_HOME", (dir / "config").string()};

  // What a TAB after `words` offers, sorted.
  std::vector<std::string> offers(const std::vector<std::string>& words) const {
    std::vector<std::string> args{script.string(), file.string(), "pocket"};
    args.insert(args.end(), words.begin(), words.end());
    const test::CommandResult result = test::run_command("bash", args, dir.path());
    INFO(result.err);
    REQUIRE(result.exit_code == 0);
    std::vector<std::string> lines;
    std::istringstream out(result.out);
    for (std::string line; std::getline(out, line);)
      if (!line.empty()) lines.push_back(line);
    std::sort(lines.begin(), lines.end());
    return lines;
  }
};

using Offers = std::vector<std::string>;

}  // namespace

TEST_CASE("bash completes pocket's commands and each command's options", "[install][completion]") {
  const Completion c;
  REQUIRE(std::filesystem::exists(c.file));
  CHECK(c.offers({"dr"}) == Offers{"drill", "drills"});
  CHECK(c.offers({"pr"}) == Offers{"progress"});
  CHECK(c.offers({"ladder", "--st"}) ==
        Offers{"--start-on-hit", "--step", "--sticking", "--stop-after"});
  CHECK(c.offers({"kits", "--"}) == Offers{"--help", "--names", "--pads"});
  CHECK(c.offers({"render", "--bpm", "100", "--ra"}) == Offers{"--ramp-to", "--rate"});
  // Every command is offered on an empty word.
  const Offers all = c.offers({""});
  CHECK(all.size() >= 15);
  CHECK(std::count(all.begin(), all.end(), "calibrate") == 1);
  CHECK(c.offers({"nosuchcommand", "--"}).empty());
}

TEST_CASE("bash completes drill names and kit names from the program", "[install][completion]") {
  const Completion c;
  CHECK(c.offers({"drill", "para"}) == Offers{"paradiddles"});
  CHECK(c.offers({"drill", "--bpm", "90", "para"}) == Offers{"paradiddles"});
  CHECK(c.offers({"goal", "rock"}) == Offers{"rock-groove"});
  CHECK(c.offers({"history", "--drill", "para"}) == Offers{"paradiddles"});
  CHECK(c.offers({"progress", "--drill", "slow"}) == Offers{"slow-control"});
  CHECK(c.offers({"play", "--drum-map", "ro"}) == Offers{"roland"});
  CHECK(c.offers({"score", "take.mid", "--drum-map", "g"}) == Offers{"gm"});
  // Only the drill itself is a drill name: not the word after it, nor an option's value.
  CHECK(c.offers({"drill", "paradiddles", "para"}).empty());
  CHECK(c.offers({"drill", "--bpm", "para"}).empty());

  // The player's own drills and kits are offered as soon as they are there.
  const auto own = c.dir / "config" / "pocket";
  std::filesystem::create_directories(own / "drills");
  std::filesystem::create_directories(own / "kits");
  std::ofstream(own / "drills" / "paradiddle-grooves.toml") << "[tempo]\nbpm = 80\n";
  std::ofstream(own / "kits" / "rolandish.toml") << "base = \"roland\"\n";
  CHECK(c.offers({"drill", "para"}) == Offers{"paradiddle-grooves", "paradiddles"});
  CHECK(c.offers({"play", "--drum-map", "ro"}) == Offers{"roland", "rolandish"});
}

TEST_CASE("bash completes the remote pad from the kit on the line, else the player's kit",
          "[install][completion][remote]") {
  const Completion c;
  CHECK(c.offers({"play", "--remote-pad", "cr"}) == Offers{"crash", "crash2"});  // gm
  CHECK(c.offers({"play", "--remote-pad", "n"}) == Offers{"none"});
  CHECK(c.offers({"drill", "warm-up", "--drum-map", "roland", "--remote-pad", "au"}) ==
        Offers{"aux1", "aux2", "aux3", "aux4"});
  // bash splits "--drum-map=roland" at the "=".
  CHECK(c.offers({"ladder", "--drum-map", "=", "roland", "--remote-pad", "au"}) ==
        Offers{"aux1", "aux2", "aux3", "aux4"});
  // The kit config.toml names, when the line names none.
  const auto own = c.dir / "config" / "pocket";
  std::filesystem::create_directories(own);
  std::ofstream(own / "config.toml") << "drum_map = \"roland\"\n";
  CHECK(c.offers({"play", "--remote-pad", "aux"}) == Offers{"aux1", "aux2", "aux3", "aux4"});
  CHECK(c.offers({"play", "--start-on-hit", "--remote"}) == Offers{"--remote-pad"});
}
