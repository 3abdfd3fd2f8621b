#include "session_store.hpp"

#include <sys/resource.h>
#include <unistd.h>

#include <algorithm>
#include <cstdint>
#include <cstdlib>

#include <SQLiteCpp/SQLiteCpp.h>
#include <fmt/format.h>
#include <sqlite3.h>

#include "history_filter_sql.hpp"
#include "stroke_bars.hpp"
#include "stroke_packing.hpp"

namespace pocket {

namespace {

std::filesystem::path data_home() {
  if (const char* xdg = std::getenv("XDG_DATA_HOME"); xdg != nullptr && *xdg != '\0') return xdg;
  const char* home = std::getenv("HOME");
  return std::filesystem::path(home != nullptr ? home : ".") / ".local" / "share";
}

SessionRecord read_session(SQLite::Statement& q) {
  SessionRecord r;
  r.id = q.getColumn("id").getInt64();
  r.started_at = q.getColumn("started_at").getString();
  r.ended_at = q.getColumn("ended_at").getString();
  r.drill = q.getColumn("drill").getString();
  r.settings_json = q.getColumn("settings").getString();
  r.audio_device = q.getColumn("audio_device").getString();
  r.midi_port = q.getColumn("midi_port").getString();
  r.output_latency_ms = q.getColumn("output_latency_ms").getDouble();
  r.calibration_ms = q.getColumn("calibration_ms").getDouble();
  r.input_latency_ms = q.getColumn("input_latency_ms").getDouble();
  r.precision_bound_ms = q.getColumn("precision_bound_ms").getDouble();
  r.bpm_low = q.getColumn("bpm_low").getDouble();
  r.bpm_high = q.getColumn("bpm_high").getDouble();
  r.status = q.getColumn("status").getString();
  r.summary_json = q.getColumn("summary").getString();
  r.verdict = q.getColumn("verdict").getString();
  r.note = q.getColumn("note").getString();
  r.drill_fingerprint = q.getColumn("drill_fingerprint").getString();
  return r;
}

// Why a history cannot be written, in the player's words, once SQLite has refused: the file
// or its folder is read-only (access() also knows read-only file systems), or "" when
// neither is (then SQLite's own message says it, e.g. a full disk).
std::string unwritable_reason(const std::filesystem::path& path) {
  const std::filesystem::path folder =
      path.parent_path().empty() ? std::filesystem::path(".") : path.parent_path();
  std::error_code error;
  if (!std::filesystem::exists(folder, error))
    return fmt::format("its folder {} does not exist", folder.string());
  if (std::filesystem::exists(path, error) && access(path.c_str(), W_OK) != 0) return "read-only";
  if (access(folder.c_str(), W_OK) != 0)
    return fmt::format("its folder {} is read-only", folder.string());
  return "";
}

}  // namespace

std::filesystem::path SessionStore::default_path() {
  if (const char* db = std::getenv("POCKET_DB"); db != nullptr && *db != '\0') return db;
  return data_folder() / "history.sqlite";
}

std::filesystem::path SessionStore::data_folder() { return data_home() / "pocket"; }

SessionStore::SessionStore(const std::filesystem::path& path, const StoreProgress& progress)
    : path_(path) {
  const std::string name = path.string();
  try {
    if (!path.parent_path().empty()) std::filesystem::create_directories(path.parent_path());
  } catch (const std::filesystem::filesystem_error& e) {
    throw StoreError(
        fmt::format("cannot make the folder of the history {}: {}", name, e.code().message()));
  }
  try {
    db_ = std::make_unique<SQLite::Database>(name, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    db_->exec("PRAGMA foreign_keys = ON");
    db_->setBusyTimeout(5000);
    // One snapshot for the version and the tables: a second pocket creating the same new
    // history at this moment must not be seen half way (a version 0 file with tables).
    db_->exec("BEGIN");
    const int version = schema_version();  // fails first on a file that is not SQLite
    const bool empty = db_->execAndGet("SELECT count(*) FROM sqlite_master").getInt() == 0;
    const bool has_sessions = db_->tableExists("sessions");
    db_->exec("COMMIT");
    if (version > kSchemaVersion) {
      throw StoreError(fmt::format(
          "{} was written by a newer pocket (history version {}; this one knows up to {}): "
          "nothing was changed. Update pocket to read it",
          name, version, kSchemaVersion));
    }
    if (version < 0 || (version == 0 && !empty) || (version > 0 && !has_sessions)) {
      throw StoreError(fmt::format(
          "{} is an SQLite database, but not pocket's history: nothing was changed", name));
    }
    if (migrate(*db_, version, kSchemaVersion, progress)) {
      // The rewritten strokes left most of the file empty: give it back. Another pocket
      // reading the history at this moment makes that wait for another day.
      if (progress) progress("giving the room back", 0.0);
      try {
        db_->exec("VACUUM");
      } catch (const SQLite::Exception&) {
      }
      if (progress) progress("giving the room back", 1.0);
    }
    // Asked first: setting it writes, which a history only read (a read-only file) refuses.
    if (db_->execAndGet("PRAGMA journal_mode").getString() != "wal")
      db_->exec("PRAGMA journal_mode = WAL");
  } catch (const SQLite::Exception& e) {
    const std::string reason = unwritable_reason(path);
    if (!reason.empty())
      throw StoreError(fmt::format("cannot open the history {} ({})", name, reason));
    throw StoreError(fmt::format("cannot use {} as the session history: {}", name, e.what()));
  }
}

void SessionStore::set_busy_timeout(std::chrono::milliseconds timeout) {
  db_->setBusyTimeout(static_cast<int>(timeout.count()));
}

bool SessionStore::busy(const std::exception& e) {
  const auto* sqlite = dynamic_cast<const SQLite::Exception*>(&e);
  return sqlite != nullptr &&
         (sqlite->getErrorCode() == SQLITE_BUSY || sqlite->getErrorCode() == SQLITE_LOCKED);
}

SessionStore::~SessionStore() = default;
SessionStore::SessionStore(SessionStore&&) noexcept = default;
SessionStore& SessionStore::operator=(SessionStore&&) noexcept = default;

bool SessionStore::integrity_ok() const {
  return db_->execAndGet("PRAGMA integrity_check").getString() == "ok";
}

void SessionStore::check_writable() const {
  // SQLite opens a file it may not write read-only, without a word.
  std::string failure = "read-only";
  if (sqlite3_db_readonly(db_->getHandle(), "main") != 1) {
    try {
      // Changes the header for real (the journal or the WAL must take it), then takes it back.
      db_->exec("BEGIN IMMEDIATE");
      db_->exec(fmt::format("PRAGMA user_version = {}", schema_version()));
      db_->exec("ROLLBACK");
      return;
    } catch (const SQLite::Exception& e) {
      failure = e.what();
      if (sqlite3_get_autocommit(db_->getHandle()) == 0) db_->exec("ROLLBACK");
    }
  }
  const std::string reason = unwritable_reason(path_);
  throw StoreError(fmt::format("cannot write the history {} ({})", path_.string(),
                               reason.empty() ? failure : reason));
}

std::uintmax_t SessionStore::room_left() const {
  const std::filesystem::path folder =
      path_.parent_path().empty() ? std::filesystem::path(".") : path_.parent_path();
  std::error_code error;
  std::uintmax_t room = std::filesystem::space(folder, error).available;
  if (error) room = UINTMAX_MAX;  // unknown: nothing to say before the session
  rlimit limit{};
  if (getrlimit(RLIMIT_FSIZE, &limit) == 0 && limit.rlim_cur != RLIM_INFINITY) {
    const std::uintmax_t size = std::filesystem::file_size(path_, error);
    const std::uintmax_t used = error ? 0 : size;
    room = std::min<std::uintmax_t>(room, limit.rlim_cur > used ? limit.rlim_cur - used : 0);
  }
  return room;
}

int SessionStore::schema_version() const { return db_->execAndGet("PRAGMA user_version").getInt(); }

std::int64_t SessionStore::begin_session(SessionRecord r) {
  r.status = "running";
  return insert_session(r);
}

std::int64_t SessionStore::insert_session(const SessionRecord& r) {
  SQLite::Statement q(*db_, R"sql(
    INSERT INTO sessions (started_at, drill, settings, audio_device, midi_port, output_latency_ms,
      calibration_ms, input_latency_ms, precision_bound_ms, bpm_low, bpm_high, status, note,
      drill_fingerprint)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?))sql");
  q.bind(1, r.started_at);
  q.bind(2, r.drill);
  q.bind(3, r.settings_json.empty() ? "{}" : r.settings_json);
  q.bind(4, r.audio_device);
  q.bind(5, r.midi_port);
  q.bind(6, r.output_latency_ms);
  q.bind(7, r.calibration_ms);
  q.bind(8, r.input_latency_ms);
  q.bind(9, r.precision_bound_ms);
  q.bind(10, r.bpm_low);
  q.bind(11, r.bpm_high);
  q.bind(12, r.status);
  q.bind(13, r.note);
  q.bind(14, r.drill_fingerprint);
  q.exec();
  return db_->getLastInsertRowid();
}

void SessionStore::add_strokes(std::int64_t session, std::span<const StoredStroke> strokes) {
  SQLite::Transaction transaction(*db_);
  insert_stroke_bars(*db_, session, strokes);
  transaction.commit();
}

void SessionStore::add_step(std::int64_t session, const StoredStep& step) {
  insert_step(session, step);
}

void SessionStore::insert_step(std::int64_t session, const StoredStep& s) {
  SQLite::Statement q(*db_, R"sql(
    INSERT OR REPLACE INTO ladder_steps (session_id, step, bpm, bars, complete, passed, hits, missed,
      mean_offset_ms, sd_offset_ms, slots_within_25ms, first_bar) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?))sql");
  q.bind(1, session);
  q.bind(2, s.index);
  q.bind(3, s.bpm);
  q.bind(4, s.bars);
  q.bind(5, s.complete ? 1 : 0);
  q.bind(6, s.passed ? 1 : 0);
  q.bind(7, s.hits);
  q.bind(8, s.missed);
  q.bind(9, s.mean_offset_ms);
  q.bind(10, s.sd_offset_ms);
  q.bind(11, s.slots_within_25ms);
  q.bind(12, s.first_bar);
  q.exec();
}

void SessionStore::finish_session(const SessionRecord& record) { update_session(record); }

void SessionStore::update_session(const SessionRecord& r) {
  SQLite::Statement q(*db_, R"sql(
    UPDATE sessions SET ended_at = ?, status = ?, summary = ?, verdict = ?, bpm_low = ?, bpm_high = ?,
      audio_device = ?, midi_port = ?, output_latency_ms = ?, precision_bound_ms = ? WHERE id = ?)sql");
  q.bind(1, r.ended_at);
  q.bind(2, r.status);
  q.bind(3, r.summary_json);
  q.bind(4, r.verdict);
  q.bind(5, r.bpm_low);
  q.bind(6, r.bpm_high);
  q.bind(7, r.audio_device);
  q.bind(8, r.midi_port);
  q.bind(9, r.output_latency_ms);
  q.bind(10, r.precision_bound_ms);
  q.bind(11, r.id);
  q.exec();
}

std::vector<SessionRecord> SessionStore::history(const HistoryFilter& filter) const {
  SQLite::Statement q(*db_, R"sql(
    SELECT * FROM sessions WHERE (? = '' OR drill = ?) AND (? = '' OR started_at >= ?)
    ORDER BY started_at DESC, id DESC LIMIT ?)sql");
  bind_filter(q, filter);
  q.bind(5, filter.limit);
  std::vector<SessionRecord> rows;
  while (q.executeStep()) rows.push_back(read_session(q));
  return rows;
}

std::int64_t SessionStore::count(const HistoryFilter& filter) const {
  SQLite::Statement q(*db_, R"sql(
    SELECT count(*) FROM sessions WHERE (? = '' OR drill = ?) AND (? = '' OR started_at >= ?))sql");
  bind_filter(q, filter);
  q.executeStep();
  return q.getColumn(0).getInt64();
}

std::optional<SessionRecord> SessionStore::session(std::int64_t id) const {
  SQLite::Statement q(*db_, "SELECT * FROM sessions WHERE id = ?");
  q.bind(1, id);
  if (!q.executeStep()) return std::nullopt;
  return read_session(q);
}

std::vector<StoredStroke> SessionStore::strokes(std::int64_t session) const {
  SQLite::Statement q(*db_, "SELECT strokes FROM stroke_bars WHERE session_id = ? ORDER BY rowid");
  q.bind(1, session);
  std::vector<StoredStroke> out;
  while (q.executeStep()) {
    const SQLite::Column packed = q.getColumn(0);
    const auto* bytes = static_cast<const std::uint8_t*>(packed.getBlob());
    try {
      std::vector<StoredStroke> bar =
          unpack_strokes({bytes, static_cast<std::size_t>(packed.getBytes())});
      out.insert(out.end(), std::make_move_iterator(bar.begin()),
                 std::make_move_iterator(bar.end()));
    } catch (const PackingError& e) {
      throw StoreError(fmt::format("session {} in {} has damaged strokes: {}", session,
                                   path_.string(), e.what()));
    }
  }
  // In time order; strokes at the same time as written.
  std::stable_sort(out.begin(), out.end(), [](const StoredStroke& a, const StoredStroke& b) {
    return a.seconds < b.seconds;
  });
  return out;
}

std::vector<StoredStep> SessionStore::steps(std::int64_t session) const {
  SQLite::Statement q(*db_, R"sql(
    SELECT step, bpm, bars, complete, passed, hits, missed, mean_offset_ms, sd_offset_ms, slots_within_25ms,
      first_bar FROM ladder_steps WHERE session_id = ? ORDER BY step)sql");
  q.bind(1, session);
  std::vector<StoredStep> out;
  while (q.executeStep()) {
    out.push_back({q.getColumn(0).getInt(), q.getColumn(1).getDouble(), q.getColumn(2).getInt(),
                   q.getColumn(3).getInt() != 0, q.getColumn(4).getInt() != 0,
                   q.getColumn(5).getInt64(), q.getColumn(6).getInt64(), q.getColumn(7).getDouble(),
                   q.getColumn(8).getDouble(), q.getColumn(9).getDouble(),
                   q.getColumn(10).getInt64()});
  }
  return out;
}

bool SessionStore::set_note(std::int64_t session, const std::string& note) {
  SQLite::Statement q(*db_, "UPDATE sessions SET note = ? WHERE id = ?");
  q.bind(1, note);
  q.bind(2, session);
  return q.exec() > 0;
}

bool SessionStore::remove(std::int64_t session) {
  SQLite::Statement q(*db_, "DELETE FROM sessions WHERE id = ?");
  q.bind(1, session);
  return q.exec() > 0;
}

std::int64_t SessionStore::import_session(const SessionRecord& record,
                                          std::span<const StoredStroke> strokes,
                                          std::span<const StoredStep> steps,
                                          const std::string& recovery_id,
                                          std::optional<std::int64_t> replaces) {
  // Immediate: a second pocket importing the same file at once waits, then sees the marker.
  SQLite::Transaction transaction(*db_, SQLite::TransactionBehavior::IMMEDIATE);
  SessionRecord r = record;
  r.id = insert_session(r);
  update_session(r);  // ended_at, summary and verdict: what the insert leaves out
  SQLite::Statement mark(*db_, "UPDATE sessions SET recovery_id = ? WHERE id = ?");
  mark.bind(1, recovery_id);
  mark.bind(2, r.id);
  mark.exec();
  insert_stroke_bars(*db_, r.id, strokes);
  for (const StoredStep& step : steps) insert_step(r.id, step);
  // After the insert, so that the new session never takes the partial copy's id.
  if (replaces) {
    SQLite::Statement gone(*db_, "DELETE FROM sessions WHERE id = ?");
    gone.bind(1, *replaces);
    gone.exec();
  }
  transaction.commit();
  return r.id;
}

std::optional<std::int64_t> SessionStore::imported_as(const std::string& recovery_id) const {
  SQLite::Statement q(*db_, "SELECT id FROM sessions WHERE recovery_id = ? AND recovery_id != ''");
  q.bind(1, recovery_id);
  if (!q.executeStep()) return std::nullopt;
  return q.getColumn(0).getInt64();
}

}  // namespace pocket
