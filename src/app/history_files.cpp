#include "history_files.hpp"

#include <optional>

#include <fmt/format.h>

#include "history/session_digest.hpp"
#include "views/progress_line.hpp"

namespace pocket::app {

namespace {

// A progress line for each step of bringing a history up to date.
class StepsOnTheTerminal {
 public:
  void operator()(const std::string& what, double done) {
    if (what != what_) {
      line_.reset();
      line_.emplace("updating your history: " + what);
      what_ = what;
    }
    line_->update(done);
  }

 private:
  std::string what_;
  std::optional<ProgressLine> line_;
};

}  // namespace

SessionStore open_store(const std::string& db_option) {
  StepsOnTheTerminal steps;
  const StoreProgress progress = [&steps](const std::string& what, double done) {
    steps(what, done);
  };
  SessionStore store(
      db_option.empty() ? SessionStore::default_path() : std::filesystem::path(db_option),
      progress);
  fill_in_digests(store, progress);
  return store;
}

SessionStore open_writable_store(const std::string& db_option, const std::string& remedy) {
  try {
    SessionStore store = open_store(db_option);
    store.check_writable();
    return store;
  } catch (const StoreError& e) {
    throw StoreError(fmt::format("{}: {}", e.what(), remedy));
  }
}

}  // namespace pocket::app
