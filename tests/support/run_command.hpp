#pragma once

#include <sys/wait.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace pocket::test {

struct CommandResult {
  int exit_code = -1;
  std::string out;
  std::string err;
};

inline std::string read_text(const std::filesystem::path& path) {
  std::ifstream in(path);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

// Runs a program with arguments (each single-quoted for the shell) and captures its output
// in files under `scratch`.
inline CommandResult run_command(const std::string& program, const std::vector<std::string>& args,
                                 const std::filesystem::path& scratch) {
  const auto quote = [](const std::string& s) {
    std::string q = "'";
    for (char c : s) q += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return q + "'";
  };
  std::string line = quote(program);
  for (const std::string& a : args) line += " " + quote(a);
  const auto out = scratch / ".stdout", err = scratch / ".stderr";
  line += " >" + quote(out.string()) + " 2>" + quote(err.string()) + " </dev/null";
  const int status = std::system(line.c_str());
  CommandResult result{WIFEXITED(status) ? WEXITSTATUS(status) : -1, read_text(out),
                       read_text(err)};
  std::filesystem::remove(out);
  std::filesystem::remove(err);
  return result;
}

}  // namespace pocket::test
