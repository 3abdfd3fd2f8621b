#pragma once

#include <chrono>
#include <string>

namespace pocket {

// A one-line percentage on the terminal for work that takes longer than a second.
// Prints nothing when stderr is not a terminal, or when the work finishes quickly.
class ProgressLine {
 public:
  explicit ProgressLine(std::string label);
  ~ProgressLine();
  ProgressLine(const ProgressLine&) = delete;
  ProgressLine& operator=(const ProgressLine&) = delete;

  void update(double fraction);  // 0..1

 private:
  using Clock = std::chrono::steady_clock;
  std::string label_;
  bool terminal_;
  bool shown_ = false;
  Clock::time_point start_ = Clock::now();
  Clock::time_point last_ = start_;
};

}  // namespace pocket
