#include "history/session_digest.hpp"

#include "history/practice_record.hpp"

namespace pocket {

SessionDigest digest_of(const StoredSession& s) {
  const Analysis& a = s.analysis;
  SessionDigest d;
  d.hits = a.timing.hits;
  d.missed = a.missed;
  d.mean_offset_ms = a.timing.mean_offset_ms;
  d.sd_offset_ms = a.timing.sd_offset_ms;
  d.within_10ms = a.timing.within_10ms;
  d.within_25ms = a.timing.within_25ms;
  d.slots_within_25ms = a.total.slots_within_25ms();
  d.held_bpm = held_tempo(s.record, s.steps);
  for (const PadTiming& pad : a.pads) {
    d.pads.push_back({pad.pad, pad.stats.hits, pad.stats.mean_offset_ms, pad.stats.sd_offset_ms,
                      pad.stats.within_25ms});
  }
  return d;
}

SessionDigest full_digest(const SessionStore& store, std::int64_t id) {
  if (std::optional<SessionDigest> kept = store.digest(id)) return std::move(*kept);
  return digest_of(load_session(store, id));
}

bool keep_digest(SessionStore& store, std::int64_t id) {
  try {
    const StoredSession s = load_session(store, id);
    if (s.record.status == "running") return true;  // still playing, or it never ended
    store.keep_digest(id, digest_of(s));
    return true;
  } catch (const std::exception&) {
    return false;  // busy, full or read-only: the session itself is kept
  }
}

std::size_t fill_in_digests(SessionStore& store, const StoreProgress& progress) {
  const std::vector<std::int64_t> ids = store.undigested();
  if (ids.empty()) return 0;
  try {
    store.check_writable();
  } catch (const StoreError&) {
    return 0;  // read-only: the readers rebuild what is missing
  }
  std::size_t kept = 0;
  for (const std::int64_t id : ids) {
    if (!keep_digest(store, id)) break;  // another program holds it: the rest another time
    ++kept;
    if (progress) progress("summing up each session", static_cast<double>(kept) / ids.size());
  }
  return kept;
}

std::vector<SessionOutline> digested_outlines(const SessionStore& store,
                                              const HistoryFilter& filter) {
  std::vector<SessionOutline> outlines = store.outlines(filter);
  for (SessionOutline& o : outlines) {
    if (!o.digest) o.digest = digest_of(load_session(store, o.id));
  }
  return outlines;
}

}  // namespace pocket
