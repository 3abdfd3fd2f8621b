#include "views/progress_line.hpp"

#include <cstdio>

#include <fmt/format.h>
#include <unistd.h>

namespace pocket {

namespace {
constexpr auto kQuietFor = std::chrono::seconds(1);
constexpr auto kRedrawEvery = std::chrono::milliseconds(100);
}  // namespace

ProgressLine::ProgressLine(std::string label)
    : label_(std::move(label)), terminal_(isatty(STDERR_FILENO) != 0) {}

ProgressLine::~ProgressLine() {
  if (shown_) fmt::print(stderr, "\r\033[K");
}

void ProgressLine::update(double fraction) {
  if (!terminal_) return;
  const auto now = Clock::now();
  if (now - start_ < kQuietFor || now - last_ < kRedrawEvery) return;
  last_ = now;
  shown_ = true;
  fmt::print(stderr, "\r{} {:3.0f}%", label_, fraction * 100.0);
  std::fflush(stderr);
}

}  // namespace pocket
