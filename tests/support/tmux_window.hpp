#pragma once

#include <chrono>
#include <filesystem>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include <sys/types.h>
#include <unistd.h>

#include "support/run_command.hpp"
#include "support/temp_dir.hpp"

namespace pocket::test {

// A tmux server of the test's own, one 80x24 window running `command` through sh.
class Tmux {
 public:
  // A server of its own each time: one just told to stop may still hold the last socket.
  Tmux(const TempDir& dir, const std::string& command)
      : dir_(dir),
        socket_("pocket-view-" + std::to_string(getpid()) + "-" + std::to_string(++made_)) {
    const auto started = tmux({"new-session", "-d", "-s", "view", "-x", "80", "-y", "24", command});
    if (started.exit_code != 0) throw std::runtime_error("tmux did not start: " + started.err);
  }
  ~Tmux() { tmux({"kill-server"}); }

  std::string screen() const { return tmux({"capture-pane", "-p", "-t", "view"}).out; }
  // The screen with the lines that scrolled off it.
  std::string scrollback() const {
    return tmux({"capture-pane", "-p", "-S", "-500", "-t", "view"}).out;
  }
  void keys(const std::string& keys) const { tmux({"send-keys", "-t", "view", "-l", keys}); }
  // `text` typed, then Enter.
  void line(const std::string& text) const {
    if (!text.empty()) keys(text);
    tmux({"send-keys", "-t", "view", "Enter"});
  }
  void control_c() const { tmux({"send-keys", "-t", "view", "C-c"}); }
  // Whether the terminal's keypad modes (cursor keys and keypad) are on, as "1 1" or "0 0".
  std::string keypad_modes() const {
    return tmux({"display-message", "-p", "-t", "view", "#{keypad_cursor_flag} #{keypad_flag}"})
        .out;
  }
  void resize(int width, int height) const {
    tmux(
        {"resize-window", "-t", "view", "-x", std::to_string(width), "-y", std::to_string(height)});
  }
  // The screen once it shows `text`, or empty after `limit`.
  std::string wait_for(const std::string& text, std::chrono::seconds limit) const {
    const auto end = std::chrono::steady_clock::now() + limit;
    while (std::chrono::steady_clock::now() < end) {
      const std::string shown = screen();
      if (shown.find(text) != std::string::npos) return shown;
      std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    return "";
  }
  // The process running in the window's shell (pocket).
  pid_t program() const {
    const std::string shell = tmux({"display-message", "-p", "-t", "view", "#{pane_pid}"}).out;
    const std::string children = read_text("/proc/" + std::to_string(std::stoi(shell)) + "/task/" +
                                           std::to_string(std::stoi(shell)) + "/children");
    return children.empty() ? -1 : std::stoi(children);
  }

 private:
  CommandResult tmux(std::vector<std::string> args) const {
    args.insert(args.begin(), {"-L", socket_});
    return run_command("/usr/bin/tmux", args, dir_.path());
  }
  const TempDir& dir_;
  std::string socket_;
  static inline int made_ = 0;
};

// A shell line for a window: `command` between two readings of the terminal's modes (`dir`'s
// before.txt and after.txt), its exit code then written to code.txt, then the shell waits so
// that the window stays.
inline std::string framed_command(const TempDir& dir, const std::string& command) {
  const std::string d = dir.path().string();
  return "stty -a > " + d + "/before.txt; " + command + "; code=$?; stty -a > " + d +
         "/after.txt; echo $code > " + d + "/code.txt; sleep 600";
}

// The text of `path` once it has some, or empty after `limit`.
inline std::string wait_for_file(const std::filesystem::path& path, std::chrono::seconds limit) {
  const auto end = std::chrono::steady_clock::now() + limit;
  while (std::chrono::steady_clock::now() < end) {
    if (std::filesystem::exists(path) && !read_text(path).empty()) return read_text(path);
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  return "";
}

}  // namespace pocket::test
