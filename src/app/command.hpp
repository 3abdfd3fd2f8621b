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
int run_play(const std::vector<std::string>& args);
int run_ladder(const std::vector<std::string>& args);
int run_setup(const std::vector<std::string>& args);
int run_calibrate(const std::vector<std::string>& args);
int run_devices(const std::vector<std::string>& args);
int run_history(const std::vector<std::string>& args);
int run_show(const std::vector<std::string>& args);
int run_note(const std::vector<std::string>& args);
int run_delete(const std::vector<std::string>& args);
int run_export(const std::vector<std::string>& args);
int run_import(const std::vector<std::string>& args);
int run_report(const std::vector<std::string>& args);
int run_progress(const std::vector<std::string>& args);
int run_drill(const std::vector<std::string>& args);
int run_drills(const std::vector<std::string>& args);
int run_goal(const std::vector<std::string>& args);
int run_goals(const std::vector<std::string>& args);
int run_kits(const std::vector<std::string>& args);
int run_demo(const std::vector<std::string>& args);

}  // namespace pocket::app
