#include "live/recorded_session.hpp"

#include "live/session_recorder.hpp"
#include "live/session_summary.hpp"

namespace pocket {

RecordedSession run_recorded_session(SessionStore& store, SessionRecord record,
                                     const LiveOptions& live) {
  record.started_at = utc_now();
  record.calibration_ms = live.calibration_ms;
  record.input_latency_ms = live.input_latency_ms;
  record.bpm_low = record.bpm_high = live.drill.start_bpm();
  SessionRecorder recorder(store, record, live.audio.sample_rate);
  LiveOptions recorded = live;
  recorded.views.insert(recorded.views.begin(), &recorder);
  RecordedSession session{run_live_session(recorded), std::nullopt};
  recorder.finish(session.result, stored_summary_json(live, session.result).dump());
  session.id = recorder.id();
  return session;
}

}  // namespace pocket
