#include "views/full_screen.hpp"

#include <csignal>
#include <cstring>
#include <stdexcept>

#include <curses.h>
#include <term.h>
#include <termios.h>
#include <unistd.h>

namespace pocket {

namespace {

// What a crash handler needs to give the terminal back, prepared while all is well: the
// terminal's modes from before, and its own "leave full screen", "show the cursor", "plain
// text" and "keypad off" sequences from terminfo. A handler may only write and set modes.
struct Restore {
  termios modes{};
  char sequences[256] = {};
  std::size_t length = 0;
};
Restore restore;
constexpr int kFatalSignals[] = {SIGSEGV, SIGABRT, SIGBUS, SIGFPE, SIGILL};

void add_sequence(const char* capability) {
  char* text = tigetstr(const_cast<char*>(capability));
  if (text == nullptr || text == reinterpret_cast<char*>(-1)) return;
  const std::size_t n = std::strlen(text);
  if (restore.length + n >= sizeof restore.sequences) return;
  std::memcpy(restore.sequences + restore.length, text, n);
  restore.length += n;
}

extern "C" void on_fatal_signal(int signal) {
  if (restore.length > 0) {
    [[maybe_unused]] const ssize_t written =
        write(STDOUT_FILENO, restore.sequences, restore.length);
  }
  tcsetattr(STDIN_FILENO, TCSANOW, &restore.modes);
  std::signal(signal, SIG_DFL);
  std::raise(signal);
}

}  // namespace

FullScreen::FullScreen() {
  if (isatty(STDIN_FILENO) == 0 || isatty(STDOUT_FILENO) == 0)
    throw std::runtime_error("the full-screen view needs a terminal");
  tcgetattr(STDIN_FILENO, &restore.modes);
  if (newterm(nullptr, stdout, stdin) == nullptr)
    throw std::runtime_error("this terminal cannot show the full-screen view");
  open_ = true;
  restore.length = 0;
  add_sequence("sgr0");
  add_sequence("cnorm");
  add_sequence("rmcup");
  add_sequence("rmkx");  // keypad(stdscr, TRUE) below turned the keypad mode on
  for (const int signal : kFatalSignals) std::signal(signal, on_fatal_signal);
  cbreak();  // keys at once; Ctrl-C still interrupts
  noecho();
  nodelay(stdscr, TRUE);
  keypad(stdscr, TRUE);
  curs_set(0);
  if (has_colors()) {
    start_color();
    use_default_colors();
  }
}

FullScreen::~FullScreen() { close(); }

void FullScreen::close() {
  if (!open_) return;
  open_ = false;
  endwin();
  for (const int signal : kFatalSignals) std::signal(signal, SIG_DFL);
}

SessionKey FullScreen::poll() {
  if (!open_) return SessionKey::none;
  for (int key = getch(); key != ERR; key = getch()) {
    switch (key) {
      case ' ': return SessionKey::pause;
      case '+':
      case '=': return SessionKey::faster;
      case '-':
      case '_': return SessionKey::slower;
      case 'q':
      case 'Q': return SessionKey::quit;
      default: break;  // other keys do nothing; ncurses takes KEY_RESIZE's new size itself
    }
  }
  return SessionKey::none;
}

}  // namespace pocket
