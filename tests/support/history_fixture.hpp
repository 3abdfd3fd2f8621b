#pragma once

#include <string>
#include <vector>

#include "support/run_command.hpp"
#include "support/temp_dir.hpp"

namespace pocket::test {

// A folder with a history of its own, and pocket run against it.
struct History {
  TempDir dir;
  std::string db = (dir / "history.sqlite").string();

  CommandResult pocket(std::vector<std::string> args) const {
    args.insert(args.end(), {"--db", db});
    return run_command(POCKET_BINARY, args, dir.path());
  }
};

}  // namespace pocket::test
