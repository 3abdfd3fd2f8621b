#pragma once

#include "live/session_events.hpp"

namespace pocket {

// The terminal in full-screen mode (ncurses) while this lives: no echo, no cursor, keys read
// without waiting, colours when the terminal has them. The terminal is restored by close(),
// by the destructor, and on a crash (SIGSEGV, SIGABRT, SIGBUS, SIGFPE, SIGILL) before the
// program dies. One at a time.
class FullScreen final : public SessionKeys {
 public:
  // Throws std::runtime_error when standard input or output is not a terminal.
  FullScreen();
  ~FullScreen() override;
  FullScreen(const FullScreen&) = delete;
  FullScreen& operator=(const FullScreen&) = delete;

  // Back to the terminal as it was. Safe to call more than once.
  void close();
  bool open() const { return open_; }

  // space: pause or go on; + and -: tempo; q: end.
  SessionKey poll() override;

 private:
  bool open_ = false;
};

}  // namespace pocket
