#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "store/session_store.hpp"

// Sessions written into a real history through the store's API, as pocket keeps them, for
// the commands that read a drill's progress back.
namespace pocket::test {

// A finished ladder session of `drill` on `date` (YYYY-MM-DD) whose highest solid step held
// `held` BPM: a solid step below it, and a step above it that did not hold. `settings`: the
// session's settings as JSON, when the test needs them.
inline void store_ladder(SessionStore& store, const std::string& drill, const std::string& date,
                         double held, const std::string& settings = "") {
  SessionRecord r;
  r.started_at = date + "T18:00:00Z";
  r.drill = drill;
  if (!settings.empty()) r.settings_json = settings;
  r.bpm_low = held - 6.0;
  r.bpm_high = held + 3.0;
  const std::int64_t id = store.begin_session(r);
  store.add_step(id, {0, held - 6.0, 4, true, true, 30, 0, 1.0, 6.0, 0.97, 0});
  store.add_step(id, {1, held, 4, true, true, 30, 0, 1.0, 7.0, 0.95, 5});
  store.add_step(id, {2, held + 3.0, 4, true, false, 22, 8, 1.0, 21.0, 0.6, 10});
  store.add_strokes(id, std::vector<StoredStroke>{{0, 1.0, "snare", 90, 0, 0, 2.0, true, true},
                                                  {0, 1.5, "snare", 90, 1, 0, -3.0, true, true}});
  r.id = id;
  r.status = "finished";
  store.finish_session(r);
}

// A finished fixed-tempo session: held when its summary meets the pass rule.
inline void store_fixed(SessionStore& store, const std::string& drill, const std::string& date,
                        double bpm, double share, double sd) {
  SessionRecord r;
  r.started_at = date + "T18:00:00Z";
  r.drill = drill;
  r.bpm_low = r.bpm_high = bpm;
  const std::int64_t id = store.begin_session(r);
  store.add_strokes(id, std::vector<StoredStroke>{{0, 1.0, "snare", 90, 0, 0, sd, true, true}});
  r.id = id;
  r.status = "finished";
  r.summary_json =
      nlohmann::json{{"hits", 100}, {"slots_within_25ms", share}, {"sd_offset_ms", sd}}.dump();
  store.finish_session(r);
}

}  // namespace pocket::test
