#pragma once

#include <spawn.h>
#include <sys/wait.h>

#include <cstdio>
#include <cstring>
#include <string>

extern char** environ;

namespace pocket::bench {

// The command a bench tool watches, from `TOOL --out FILE -- PROGRAM ARGS...`: the tool writes
// its findings to FILE and leaves the command's own output where it goes.
struct WatchedCommand {
  std::string out;
  char** argv = nullptr;
  pid_t pid = -1;
  int exit_code = -1;

  bool parse(int argc, char** args) {
    for (int i = 1; i < argc; ++i) {
      if (std::strcmp(args[i], "--out") == 0 && i + 1 < argc) {
        out = args[++i];
      } else if (std::strcmp(args[i], "--") == 0 && i + 1 < argc) {
        argv = args + i + 1;
        return !out.empty();
      } else {
        return false;
      }
    }
    return false;
  }

  bool start() { return posix_spawnp(&pid, argv[0], nullptr, nullptr, argv, environ) == 0; }

  // The exit code (128 + the signal when a signal ended it); -1 while it still runs and `block`
  // is false.
  int wait(bool block = true) {
    int status = 0;
    if (exit_code < 0 && waitpid(pid, &status, block ? 0 : WNOHANG) == pid)
      exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    return exit_code;
  }

  // Writes one line of key=value words to the --out file.
  bool write(const std::string& line) const {
    std::FILE* f = std::fopen(out.c_str(), "w");
    if (f == nullptr) return false;
    std::fprintf(f, "%s\n", line.c_str());
    return std::fclose(f) == 0;
  }
};

}  // namespace pocket::bench
