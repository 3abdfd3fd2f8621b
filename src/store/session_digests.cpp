// The session store's digests: kept when a session ends, read alone or with the outlines of
// many sessions.
#include <SQLiteCpp/SQLiteCpp.h>

#include "history_filter_sql.hpp"
#include "session_store.hpp"

namespace pocket {

namespace {

// A digest's columns from `first` on: hits, missed, mean, SD, within 10 and 25 ms, slots
// within 25 ms, held tempo.
SessionDigest read_digest(SQLite::Statement& q, int first) {
  SessionDigest d;
  d.hits = q.getColumn(first).getInt64();
  d.missed = q.getColumn(first + 1).getInt64();
  d.mean_offset_ms = q.getColumn(first + 2).getDouble();
  d.sd_offset_ms = q.getColumn(first + 3).getDouble();
  d.within_10ms = q.getColumn(first + 4).getDouble();
  d.within_25ms = q.getColumn(first + 5).getDouble();
  d.slots_within_25ms = q.getColumn(first + 6).getDouble();
  if (!q.getColumn(first + 7).isNull()) d.held_bpm = q.getColumn(first + 7).getDouble();
  return d;
}

}  // namespace

std::vector<SessionOutline> SessionStore::outlines(const HistoryFilter& filter) const {
  SQLite::Statement q(*db_, R"sql(
    SELECT s.id, s.started_at, s.drill, s.status, s.bpm_low, s.bpm_high, d.session_id, d.hits,
      d.missed, d.mean_offset_ms, d.sd_offset_ms, d.within_10ms, d.within_25ms,
      d.slots_within_25ms, d.held_bpm
    FROM sessions s LEFT JOIN session_digests d ON d.session_id = s.id
    WHERE (? = '' OR s.drill = ?) AND (? = '' OR s.started_at >= ?)
    ORDER BY s.started_at DESC, s.id DESC LIMIT ?)sql");
  bind_filter(q, filter);
  q.bind(5, filter.limit);
  std::vector<SessionOutline> rows;
  while (q.executeStep()) {
    SessionOutline o{q.getColumn(0).getInt64(),
                     q.getColumn(1).getString(),
                     q.getColumn(2).getString(),
                     q.getColumn(3).getString(),
                     q.getColumn(4).getDouble(),
                     q.getColumn(5).getDouble(),
                     std::nullopt};
    if (!q.getColumn(6).isNull()) o.digest = read_digest(q, 7);
    rows.push_back(std::move(o));
  }
  return rows;
}

void SessionStore::keep_digest(std::int64_t session, const SessionDigest& d) {
  SQLite::Transaction transaction(*db_);
  SQLite::Statement old(*db_, "DELETE FROM session_digests WHERE session_id = ?");  // and its pads
  old.bind(1, session);
  old.exec();
  SQLite::Statement q(*db_, R"sql(
    INSERT INTO session_digests (session_id, hits, missed, mean_offset_ms, sd_offset_ms,
      within_10ms, within_25ms, slots_within_25ms, held_bpm) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?))sql");
  q.bind(1, session);
  q.bind(2, d.hits);
  q.bind(3, d.missed);
  q.bind(4, d.mean_offset_ms);
  q.bind(5, d.sd_offset_ms);
  q.bind(6, d.within_10ms);
  q.bind(7, d.within_25ms);
  q.bind(8, d.slots_within_25ms);
  if (d.held_bpm) q.bind(9, *d.held_bpm);
  q.exec();
  SQLite::Statement pad(*db_, R"sql(
    INSERT INTO pad_digests (session_id, pad_order, pad, hits, mean_offset_ms, sd_offset_ms,
      within_25ms) VALUES (?, ?, ?, ?, ?, ?, ?))sql");
  for (std::size_t i = 0; i < d.pads.size(); ++i) {
    const PadDigest& p = d.pads[i];
    pad.bind(1, session);
    pad.bind(2, static_cast<std::int64_t>(i));
    pad.bind(3, p.pad);
    pad.bind(4, p.hits);
    pad.bind(5, p.mean_offset_ms);
    pad.bind(6, p.sd_offset_ms);
    pad.bind(7, p.within_25ms);
    pad.exec();
    pad.reset();
  }
  transaction.commit();
}

std::optional<SessionDigest> SessionStore::digest(std::int64_t session) const {
  SQLite::Statement q(*db_, R"sql(
    SELECT hits, missed, mean_offset_ms, sd_offset_ms, within_10ms, within_25ms, slots_within_25ms,
      held_bpm FROM session_digests WHERE session_id = ?)sql");
  q.bind(1, session);
  if (!q.executeStep()) return std::nullopt;
  SessionDigest d = read_digest(q, 0);
  SQLite::Statement pads(*db_, R"sql(
    SELECT pad, hits, mean_offset_ms, sd_offset_ms, within_25ms FROM pad_digests
    WHERE session_id = ? ORDER BY pad_order)sql");
  pads.bind(1, session);
  while (pads.executeStep()) {
    d.pads.push_back({pads.getColumn(0).getString(), pads.getColumn(1).getInt64(),
                      pads.getColumn(2).getDouble(), pads.getColumn(3).getDouble(),
                      pads.getColumn(4).getDouble()});
  }
  return d;
}

std::vector<std::int64_t> SessionStore::undigested() const {
  SQLite::Statement q(*db_, R"sql(
    SELECT id FROM sessions WHERE status != 'running'
      AND id NOT IN (SELECT session_id FROM session_digests) ORDER BY id)sql");
  std::vector<std::int64_t> ids;
  while (q.executeStep()) ids.push_back(q.getColumn(0).getInt64());
  return ids;
}

}  // namespace pocket
