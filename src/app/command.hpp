#pragma once

#include <stdexcept>
#include <string>
#include <vector>

namespace pocket::app {

// A mistake in what the user typed: reported in one line, exit code 2.
struct UsageError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

inline constexpr int kExitOk = 0;
inline constexpr int kExitFailure = 1;
inline constexpr int kExitUsage = 2;

// Each command takes the arguments after its name and returns the exit code.
int run_render(const std::vector<std::string>& args);
int run_score(const std::vector<std::string>& args);

}  // namespace pocket::app
