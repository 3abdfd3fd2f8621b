#pragma once

#include <filesystem>
#include <memory>
#include <optional>
#include <span>
#include <stdexcept>
#include <vector>

#include "session_record.hpp"

namespace SQLite {
class Database;
}

namespace pocket {

// The history cannot be used: the message says why, and nothing was changed.
struct StoreError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// The SQLite session history: WAL mode, foreign keys on, a schema version with forward
// migrations. Writes commit at once, so a crash loses only what was not yet handed over.
class SessionStore {
 public:
  static constexpr int kSchemaVersion = 3;

  // POCKET_DB if set, else $XDG_DATA_HOME/pocket/history.sqlite (~/.local/share/...).
  static std::filesystem::path default_path();
  // $XDG_DATA_HOME/pocket (~/.local/share/pocket): where pocket keeps its data.
  static std::filesystem::path data_folder();

  // Opens or creates the database and brings its schema up to date. Throws StoreError for a
  // file that is not a pocket database or has a newer schema than this program knows.
  explicit SessionStore(const std::filesystem::path& path);
  ~SessionStore();

  std::int64_t begin_session(SessionRecord record);
  // One transaction: a bar's strokes arrive together or not at all.
  void add_strokes(std::int64_t session, std::span<const StoredStroke> strokes);
  void add_step(std::int64_t session, const StoredStep& step);
  // Marks the session finished (or interrupted) with its summary.
  void finish_session(const SessionRecord& record);

  std::vector<SessionRecord> history(const HistoryFilter& filter) const;
  std::optional<SessionRecord> session(std::int64_t id) const;
  std::vector<StoredStroke> strokes(std::int64_t session) const;
  std::vector<StoredStep> steps(std::int64_t session) const;
  bool set_note(std::int64_t session, const std::string& note);

  // The player's goals, one per drill: setting one replaces the drill's old goal.
  void set_goal(const StoredGoal& goal);
  bool clear_goal(const std::string& drill);
  std::optional<StoredGoal> goal(const std::string& drill) const;
  std::vector<StoredGoal> goals() const;
  bool remove(std::int64_t session);

  int schema_version() const;

 private:
  std::unique_ptr<SQLite::Database> db_;
};

// The migrations, in order: migration i brings a database from version i to i + 1.
// Exposed so that tests can build a database of an older version.
void migrate(SQLite::Database& db, int from_version, int to_version);

}  // namespace pocket
