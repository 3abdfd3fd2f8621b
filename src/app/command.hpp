#pragma once

#include <string>
#include <vector>

#include "core/errors.hpp"

namespace pocket::app {

// Exit codes, one for each kind of trouble (the README lists them).
inline constexpr int kExitOk = 0;
inline constexpr int kExitFailure = 1;      // anything not below
inline constexpr int kExitUsage = 2;        // what was typed
inline constexpr int kExitDevice = 3;       // an audio output or MIDI input
inline constexpr int kExitHistory = 4;      // the history database
inline constexpr int kExitInputFile = 5;    // a MIDI file, sample, preset or config.toml
inline constexpr int kExitInterrupted = 6;  // a session cut short: its server or port went away

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
