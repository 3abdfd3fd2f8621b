#include "analysis_json.hpp"

#include <cmath>

#include "core/timing_summary.hpp"

namespace pocket {

namespace {

// Numbers a reader can compare: milliseconds to 0.01, shares to 0.0001 (adding 0.0 turns a
// rounded -0 into 0).
double ms(double value) { return std::round(value * 100.0) / 100.0 + 0.0; }
double share(double value) { return std::round(value * 10000.0) / 10000.0 + 0.0; }

nlohmann::json timing_json(const TimingStats& s) {
  return {{"hits", s.hits},
          {"mean_offset_ms", ms(s.mean_offset_ms)},
          {"sd_offset_ms", ms(s.sd_offset_ms)},
          {"median_abs_offset_ms", ms(s.median_abs_offset_ms)},
          {"within_10ms", share(s.within_10ms)},
          {"within_25ms", share(s.within_25ms)},
          {"drift_ms_per_min", ms(s.drift_ms_per_min)}};
}

void add_velocity(nlohmann::json& j, const VelocityStats& v) {
  j["velocity_mean"] = ms(v.mean);
  j["velocity_cv"] = share(v.cv());
}

nlohmann::json velocity_json(const VelocityStats& v) {
  nlohmann::json j = {{"strokes", v.strokes}};
  add_velocity(j, v);
  return j;
}

// Accents, normal strokes and ghost notes as the pattern marks them, and doubles.
nlohmann::json dynamics_json(const Analysis& a) {
  nlohmann::json j = nlohmann::json::object();
  if (a.dynamics) {
    const Dynamics& d = *a.dynamics;
    j["accents"] = velocity_json(d.accents);
    j["normals"] = velocity_json(d.normals);
    j["ghosts"] = velocity_json(d.ghosts);
    j["accent_gap"] = share(d.accent_gap);
    j["accents_louder"] = share(d.accents_louder);
  }
  if (a.doubles) {
    j["doubles"] = {{"pairs", a.doubles->pairs},
                    {"second_over_first", share(a.doubles->second_over_first)}};
  }
  return j;
}

nlohmann::json swing_json(const Analysis& a) {
  nlohmann::json j = {{"asked_percent", ms(a.swing_asked.percent)},
                      {"on", a.swing ? a.swing->unit : a.swing_asked.unit},
                      {"measured_percent", nullptr},
                      {"pairs", 0},
                      {"pads", nlohmann::json::object()}};
  if (!a.swing) return j;
  j["measured_percent"] = ms(a.swing->pooled.percent);
  j["pairs"] = a.swing->pooled.pairs;
  for (const PadSwing& p : a.swing->pads)
    j["pads"][p.pad] = {{"measured_percent", ms(p.reading.percent)}, {"pairs", p.reading.pairs}};
  return j;
}

// Each placed pad's intention beside where it sat against it.
nlohmann::json feel_json(const Analysis& a) {
  nlohmann::json j = nlohmann::json::object();
  for (const auto& [pad, intended] : a.feel) {
    j[pad] = {{"intended_ms", ms(intended)}};
    if (const PadTiming* played = a.pad(pad)) {
      j[pad]["mean_offset_ms"] = ms(played->stats.mean_offset_ms);
      j[pad]["within_10ms"] = share(played->stats.within_10ms);
    }
  }
  return j;
}

// Each hand's timing and loudness, and the two compared.
nlohmann::json hands_json(const Analysis& a, double measuring_error_ms) {
  nlohmann::json j = nlohmann::json::object();
  for (const HandStats& h : a.hands) {
    nlohmann::json hand = timing_json(h.timing);
    add_velocity(hand, h.velocity);
    j[std::string(to_string(h.hand))] = hand;
  }
  const auto compared = compare_hands(a.hands, measuring_error_ms);
  j["summary"] = compared ? compared->sentence : "";
  return j;
}

}  // namespace

nlohmann::json analysis_json(const Analysis& a, double measuring_error_ms) {
  nlohmann::json j = timing_json(a.timing);
  j["missed"] = a.missed;
  j["extra"] = a.extra;
  j["double_triggers"] = a.double_triggers;
  j["slots_within_25ms"] = share(a.total.slots_within_25ms());
  j["summary"] = describe_timing(a.timing);
  j["pads"] = nlohmann::json::object();
  for (const PadTiming& p : a.pads) {
    j["pads"][p.pad] = timing_json(p.stats);
    add_velocity(j["pads"][p.pad], p.velocity);
  }
  j["positions"] = nlohmann::json::array();
  for (const PositionTiming& p : a.positions) {
    nlohmann::json position = timing_json(p.stats);
    position["position"] = p.label;
    position["on_beat"] = p.on_beat;
    add_velocity(position, p.velocity);
    j["positions"].push_back(position);
  }
  j["flams"] = {{"slots", a.flams.slots},
                {"mean_spread_ms", ms(a.flams.mean_spread_ms)},
                {"max_spread_ms", ms(a.flams.max_spread_ms)}};
  if (a.gap)
    j["gap"] = {{"in_gap", timing_json(a.gap->in_gap)},
                {"on_return", timing_json(a.gap->on_return)}};
  if (a.by_click)
    j["by_click"] = {{"heard", timing_json(a.by_click->heard)},
                     {"muted", timing_json(a.by_click->muted)}};
  const auto spots = [](const std::vector<PatternSpot>& list) {
    nlohmann::json out = nlohmann::json::array();
    for (const PatternSpot& s : list) {
      out.push_back({{"pad", s.pad}, {"position", s.label}, {"count", s.count}});
      if (s.of > 0) out.back()["of"] = s.of;
      if (s.doubled) out.back()["doubled"] = true;
    }
    return out;
  };
  if (a.patterned) {
    nlohmann::json notes = nlohmann::json::array();
    for (const PatternNote& n : a.notes) {
      notes.push_back({{"pad", n.pad},
                       {"position", n.label},
                       {"due", n.due},
                       {"hit", n.due - n.missed},
                       {"missed", n.missed},
                       {"timing", timing_json(n.stats)}});
    }
    j["pattern"] = {{"missed", spots(a.missed_at)}, {"extra", spots(a.extra_at)}, {"notes", notes}};
  }
  j["swing"] = swing_json(a);
  j["feel"] = feel_json(a);
  if (!a.hands.empty()) j["hands"] = hands_json(a, measuring_error_ms);
  if (a.dynamics || a.doubles) j["dynamics"] = dynamics_json(a);
  j["unmapped_notes"] = nlohmann::json::object();
  for (const auto& [note, count] : a.unmapped_notes)
    j["unmapped_notes"][std::to_string(note)] = count;
  return j;
}

}  // namespace pocket
