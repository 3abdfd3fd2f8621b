#include "views/player_control_json.hpp"

#include "live/session_summary.hpp"

namespace pocket {

namespace {

const char* did_name(RemoteUse::Did did) {
  switch (did) {
    case RemoteUse::Did::pause: return "pause";
    case RemoteUse::Did::resume: return "resume";
    case RemoteUse::Did::end: return "end";
  }
  return "";
}

nlohmann::json remote_json(const RemoteUse& remote) {
  nlohmann::json actions = nlohmann::json::array();
  for (const RemoteUse::Action& a : remote.actions)
    actions.push_back({{"seconds", rounded_for_json(a.seconds, 1e6)}, {"did", did_name(a.did)}});
  return {{"pad", remote.pad}, {"taps", remote.taps}, {"actions", actions}};
}

}  // namespace

void add_player_control_json(nlohmann::json& j, const LiveResult& r) {
  j["paused_seconds"] = rounded_for_json(r.paused_seconds, 1000.0);
  nlohmann::json pauses = nlohmann::json::array();
  for (const ClickPause& p : r.pauses) {
    pauses.push_back({{"bar", p.bar},
                      {"at_seconds", rounded_for_json(p.at_seconds, 1e6)},
                      {"seconds", rounded_for_json(p.seconds, 1e6)}});
  }
  j["pauses"] = pauses;
  j["start_on_hit"] =
      r.waited_seconds
          ? nlohmann::json{{"waited_seconds", rounded_for_json(*r.waited_seconds, 1000.0)}}
          : nlohmann::json(nullptr);
  j["remote"] = r.remote ? remote_json(*r.remote) : nlohmann::json(nullptr);
}

}  // namespace pocket
