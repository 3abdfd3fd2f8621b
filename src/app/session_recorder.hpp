#pragma once

#include <optional>

#include "live_session.hpp"
#include "store/session_store.hpp"

namespace pocket::app {

// Writes a live session to the history as it goes: the session when the devices are open,
// each bar's strokes when the bar closes, each ladder step when it ends, and the summary at
// the end. A crash loses at most the bars not yet closed; the session stays "running", which
// the history shows as unfinished.
class SessionRecorder final : public SessionView {
 public:
  SessionRecorder(SessionStore& store, SessionRecord record, double sample_rate);

  void started(const SessionStarted& start) override;
  void bar_closed(const BarClosed& bar) override;
  void step_closed(const StepClosed& step) override;

  // Writes what is left (strokes of bars not closed, the last partial step) and the summary,
  // then says on stderr if the history could not take it all.
  void finish(const LiveResult& result, const std::string& summary_json);
  std::optional<std::int64_t> id() const { return id_; }

 private:
  StoredStroke row(const ScoredStroke& s, const std::vector<std::string>& pad_names,
                   std::int64_t bar) const;
  void finish_writing(const LiveResult& result, const std::string& summary_json);
  // Runs a write; the first failure is kept for finish() and the session goes on.
  template <typename Write>
  void guarded(Write&& write);

  SessionStore& store_;
  SessionRecord record_;
  double sample_rate_;
  std::optional<std::int64_t> id_;
  std::int64_t last_bar_written_ = -1;
  std::string problem_;
};

// Now as ISO 8601 in UTC, e.g. 2026-11-25T21:30:00Z.
std::string utc_now();

// Turns a step of the coach into its stored form.
StoredStep stored_step(const StepResult& step, std::size_t index, std::int64_t first_bar);

}  // namespace pocket::app
