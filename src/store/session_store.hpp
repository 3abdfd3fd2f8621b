#pragma once

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <functional>
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

// Long work on the history (a migration of a large one), as it goes: what, and the share done.
using StoreProgress = std::function<void(const std::string& what, double done)>;

// The SQLite session history: WAL mode, foreign keys on, a schema version with forward
// migrations. Writes commit at once, so a crash loses only what was not yet handed over.
class SessionStore {
 public:
  static constexpr int kSchemaVersion = 5;

  // POCKET_DB if set, else $XDG_DATA_HOME/pocket/history.sqlite (~/.local/share/...).
  static std::filesystem::path default_path();
  // $XDG_DATA_HOME/pocket (~/.local/share/pocket): where pocket keeps its data.
  static std::filesystem::path data_folder();

  // Opens or creates the database and brings its schema up to date. Throws StoreError for a
  // file that is not a pocket database or has a newer schema than this program knows, and
  // for a folder that cannot be made. `progress` hears of a migration that rewrites strokes.
  explicit SessionStore(const std::filesystem::path& path, const StoreProgress& progress = {});
  ~SessionStore();
  SessionStore(SessionStore&&) noexcept;
  SessionStore& operator=(SessionStore&&) noexcept;

  const std::filesystem::path& path() const { return path_; }
  // How long a write waits for another program that holds the history (5 s unless set).
  void set_busy_timeout(std::chrono::milliseconds timeout);
  // Whether `e`, thrown by a write, means another program held the history longer than that:
  // the same write may succeed later.
  static bool busy(const std::exception& e);

  // Throws StoreError naming the file and why when a session could not be written to it (a
  // read-only file or folder, say). A real write, rolled back: permissions alone would lie to
  // root and about read-only file systems.
  void check_writable() const;
  // Bytes the history's files may still grow by: what the file system has free for this user,
  // or less when the process may only write files of a limited size (ulimit -f).
  std::uintmax_t room_left() const;

  std::int64_t begin_session(SessionRecord record);
  // One transaction: a bar's strokes arrive together or not at all.
  void add_strokes(std::int64_t session, std::span<const StoredStroke> strokes);
  void add_step(std::int64_t session, const StoredStep& step);
  // Marks the session finished (or interrupted) with its summary.
  void finish_session(const SessionRecord& record);

  std::vector<SessionRecord> history(const HistoryFilter& filter) const;
  // How many sessions the filter matches, whatever its limit.
  std::int64_t count(const HistoryFilter& filter) const;
  // Newest first, as history(), with their digests: one query, however long the history.
  std::vector<SessionOutline> outlines(const HistoryFilter& filter) const;
  std::optional<SessionRecord> session(std::int64_t id) const;
  std::vector<StoredStroke> strokes(std::int64_t session) const;
  std::vector<StoredStep> steps(std::int64_t session) const;
  bool set_note(std::int64_t session, const std::string& note);

  // A session's digest, with its pads; keeping one replaces the session's old one.
  void keep_digest(std::int64_t session, const SessionDigest& digest);
  std::optional<SessionDigest> digest(std::int64_t session) const;
  // Sessions that have ended (not running) but have no digest yet, oldest first.
  std::vector<std::int64_t> undigested() const;

  // The player's goals, one per drill: setting one replaces the drill's old goal.
  void set_goal(const StoredGoal& goal);
  bool clear_goal(const std::string& drill);
  std::optional<StoredGoal> goal(const std::string& drill) const;
  std::vector<StoredGoal> goals() const;
  bool remove(std::int64_t session);

  // A session kept in a recovery file, in one transaction: its record as recorded, strokes
  // and steps, marked with the file's `recovery_id`. `replaces`: the partial copy that the
  // failing session left in this history, removed in the same transaction. Returns its id.
  std::int64_t import_session(const SessionRecord& record, std::span<const StoredStroke> strokes,
                              std::span<const StoredStep> steps, const std::string& recovery_id,
                              std::optional<std::int64_t> replaces);
  // The session imported from the recovery file with this id, if any.
  std::optional<std::int64_t> imported_as(const std::string& recovery_id) const;

  int schema_version() const;
  // SQLite's own check of the whole file.
  bool integrity_ok() const;

 private:
  std::int64_t insert_session(const SessionRecord& record);
  void insert_step(std::int64_t session, const StoredStep& step);
  void update_session(const SessionRecord& record);

  std::filesystem::path path_;
  std::unique_ptr<SQLite::Database> db_;
};

// The migrations, in order: migration i brings a database from version i to i + 1.
// Exposed so that tests can build a database of an older version. True when one rewrote
// strokes, which leaves room in the file to give back.
bool migrate(SQLite::Database& db, int from_version, int to_version,
             const StoreProgress& progress = {});

}  // namespace pocket
