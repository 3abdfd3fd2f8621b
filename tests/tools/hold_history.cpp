// Another program writing pocket's history: takes its write lock and holds it, so that every
// write of a pocket waits, then lets go. For tests of two writers.
//
// usage: hold_history DB SECONDS
// Prints "held at T" once it has the lock and "let go at T" when it gives it back (T: seconds of
// the steady clock), then exits 0.
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <thread>

#include <SQLiteCpp/SQLiteCpp.h>

namespace {

double now_seconds() {
  return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count();
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 3) {
    std::fprintf(stderr, "usage: hold_history DB SECONDS\n");
    return 2;
  }
  try {
    SQLite::Database db(argv[1], SQLite::OPEN_READWRITE);
    db.setBusyTimeout(10000);
    db.exec("BEGIN IMMEDIATE");  // the write lock: pocket's writes wait from now on
    std::printf("held at %.3f\n", now_seconds());
    std::fflush(stdout);
    std::this_thread::sleep_for(std::chrono::duration<double>(std::atof(argv[2])));
    db.exec("COMMIT");
    std::printf("let go at %.3f\n", now_seconds());
  } catch (const std::exception& e) {
    std::fprintf(stderr, "hold_history: %s\n", e.what());
    return 1;
  }
  return 0;
}
