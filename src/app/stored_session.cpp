#include "stored_session.hpp"

#include <algorithm>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "command.hpp"

namespace pocket::app {

StoredSession load_session(const SessionStore& store, std::int64_t id) {
  const std::optional<SessionRecord> record = store.session(id);
  if (!record) throw UsageError(fmt::format("there is no session {} (see 'pocket history')", id));
  StoredSession s{*record, store.strokes(id), store.steps(id), {4, 4}, 4, {}, {}};
  const nlohmann::json settings = nlohmann::json::parse(s.record.settings_json, nullptr, false);
  if (settings.is_object()) {
    try {
      s.meter = parse_meter(settings.value("meter", std::string("4/4")));
    } catch (const std::invalid_argument&) {
    }
    s.grid = settings.value("grid", s.meter.unit);
  }
  std::vector<ScoredStroke> scored;
  for (const StoredStroke& stroke : s.strokes) {
    auto it = std::find(s.pad_names.begin(), s.pad_names.end(), stroke.pad);
    if (it == s.pad_names.end()) it = s.pad_names.insert(s.pad_names.end(), stroke.pad);
    const int pad = static_cast<int>(it - s.pad_names.begin());
    scored.push_back(
        {{stroke.seconds, pad, stroke.velocity}, stroke.slot, stroke.offset_ms, stroke.matched});
  }
  const nlohmann::json summary = nlohmann::json::parse(s.record.summary_json, nullptr, false);
  const std::int64_t double_triggers =
      summary.is_object() ? summary.value("double_triggers", 0) : 0;
  s.analysis = summarize(std::move(scored), Grid::constant(120.0, s.meter, s.grid), s.pad_names,
                         double_triggers);
  return s;
}

std::string tempo_text(const SessionRecord& r) {
  if (r.bpm_high > r.bpm_low) return fmt::format("{:g}-{:g} BPM", r.bpm_low, r.bpm_high);
  return fmt::format("{:g} BPM", r.bpm_low);
}

std::string status_text(const SessionRecord& r) { return r.unfinished() ? "unfinished" : r.status; }

SessionStore open_store(const std::string& db_option) {
  return SessionStore(db_option.empty() ? SessionStore::default_path()
                                        : std::filesystem::path(db_option));
}

}  // namespace pocket::app
