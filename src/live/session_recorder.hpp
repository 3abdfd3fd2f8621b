#pragma once

#include <optional>
#include <vector>

#include "live/live_session.hpp"
#include "store/session_store.hpp"

namespace pocket {

// Writes a live session to the history as it goes: the session when the devices are open,
// each bar's strokes when the bar closes, each ladder step when it ends, and the summary at
// the end. A crash loses at most the bars not yet closed; the session stays "running", which
// the history shows as unfinished. Another program writing the history (a second pocket) is
// waited for a moment only, so that the session thread keeps its pace: what could not be
// written waits for the next bar, and the end waits longer. When the history cannot take a
// write (a full disk, say, or a program that holds it past the end), the session goes on and,
// at the end, the whole of it goes to a recovery file instead.
class SessionRecorder final : public SessionView {
 public:
  SessionRecorder(SessionStore& store, SessionRecord record, double sample_rate);

  void started(const SessionStarted& start) override;
  void bar_closed(const BarClosed& bar) override;
  void step_closed(const StepClosed& step) override;

  // Writes what is left (strokes of bars not closed, the last partial step) and the summary.
  // If the history could not take it all, writes the whole session to a recovery file and
  // says on stderr where it is and how to import it.
  void finish(const LiveResult& result, const std::string& summary_json);
  // The session in the history, once it is all there.
  std::optional<std::int64_t> id() const {
    return problem_.empty() ? id_ : std::optional<std::int64_t>();
  }

 private:
  StoredStroke row(const ScoredStroke& s, const std::vector<std::string>& pad_names,
                   std::int64_t bar) const;
  void finish_writing(const LiveResult& result, const std::string& summary_json);
  void keep_in_recovery_file(const LiveResult& result) const;
  // Writes what waits: the session's row, the strokes of closed bars, the steps. A history
  // busy with another program leaves them waiting; any other failure is kept for finish(), and
  // the history is left alone from then on.
  void write_waiting();

  SessionStore& store_;
  SessionRecord record_;
  double sample_rate_;
  std::optional<std::int64_t> id_;
  std::int64_t last_bar_handed_ = -1;  // the last bar whose strokes were taken
  std::vector<StoredStroke> waiting_strokes_;
  std::vector<StoredStep> waiting_steps_;
  std::string problem_;
};

// Now as ISO 8601 in UTC, e.g. 2026-11-25T21:30:00Z.
std::string utc_now();

// Turns a step of the coach into its stored form.
StoredStep stored_step(const StepResult& step, std::size_t index, std::int64_t first_bar);

}  // namespace pocket
