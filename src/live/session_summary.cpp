#include "live/session_summary.hpp"

#include <cmath>

#include "report/analysis_json.hpp"

namespace pocket {

double rounded_for_json(double value, double scale) {
  return std::round(value * scale) / scale + 0.0;
}

nlohmann::json midi_outages_json(const LiveResult& r) {
  nlohmann::json outages = nlohmann::json::array();
  for (const MidiOutage& o : r.midi_outages) {
    outages.push_back({{"start_seconds", rounded_for_json(o.start_seconds, 1000.0)},
                       {"seconds", rounded_for_json(o.seconds, 1000.0)}});
  }
  return outages;
}

nlohmann::json click_modes_json(const Drill& drill, const ClickModeResult& m) {
  nlohmann::json j = nlohmann::json::object();
  if (drill.click.random_mute.active()) {
    j["random_mute"] = {{"percent", drill.click.random_mute.percent},
                        {"rise_bars", drill.mute_rise_bars()},
                        {"seed", drill.click.random_mute.seed},
                        {"clicks", m.clicks},
                        {"muted", m.randomly_muted}};
  }
  if (drill.silent_while_tight || drill.quiet_count) {
    double total = 0.0, longest = 0.0;
    std::int64_t longest_bars = 0;
    nlohmann::json stretches = nlohmann::json::array();
    for (const SilentStretch& s : m.silent) {
      total += s.seconds;
      if (s.seconds > longest) longest = s.seconds, longest_bars = s.bars;
      stretches.push_back({{"first_bar", s.first_bar},
                           {"bars", s.bars},
                           {"seconds", rounded_for_json(s.seconds, 1000.0)}});
    }
    j["silent"] = {{"seconds", rounded_for_json(total, 1000.0)},
                   {"longest_seconds", rounded_for_json(longest, 1000.0)},
                   {"longest_bars", longest_bars},
                   {"stretches", stretches}};
  }
  if (drill.quiet_count) {
    nlohmann::json gaps = nlohmann::json::array();
    for (const QuietGap& g : m.quiet_gaps) {
      gaps.push_back(
          {{"first_bar", g.first_bar},
           {"bars", g.bars},
           {"held", g.held},
           {"slots_within_25ms", rounded_for_json(g.tally.slots_within_25ms(), 10000.0)}});
    }
    j["quiet_count"] = {{"gaps", gaps}};
  }
  return j;
}

nlohmann::json stored_summary_json(const LiveOptions& o, const LiveResult& r) {
  nlohmann::json j = analysis_json(r.analysis, r.precision_bound_ms);
  j["midi"] = {{"outages", midi_outages_json(r)}, {"reconnects", r.midi_reconnects}};
  j["last_bar"] = r.last_bar;
  j["click_modes"] = click_modes_json(o.drill, r.modes);
  return j;
}

}  // namespace pocket
