#include "live/session_recorder.hpp"

#include <chrono>
#include <cmath>

#include <fmt/chrono.h>
#include <fmt/format.h>

#include "core/timing_summary.hpp"
#include "live/recovery_file.hpp"

namespace pocket {

std::string utc_now() {
  const auto now = std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now());
  return fmt::format("{:%Y-%m-%dT%H:%M:%SZ}", now);
}

StoredStep stored_step(const StepResult& step, std::size_t index, std::int64_t first_bar) {
  return {static_cast<int>(index),
          step.bpm,
          step.bars,
          step.complete,
          step.check.passed,
          step.tally.hits,
          step.tally.missed,
          step.tally.mean_ms(),
          step.tally.sd_ms(),
          step.tally.slots_within_25ms(),
          first_bar};
}

namespace {

// How long a write during the session waits for another program that holds the history: short,
// as the session thread also closes bars and keeps the views going. What could not be written
// is tried again with the next bar.
constexpr std::chrono::milliseconds kWaitWhilePlaying{250};
// At the end, what still waits may wait this long before it goes to a recovery file.
constexpr std::chrono::milliseconds kWaitAtTheEnd{20000};

}  // namespace

SessionRecorder::SessionRecorder(SessionStore& store, SessionRecord record, double sample_rate)
    : store_(store), record_(std::move(record)), sample_rate_(sample_rate) {
  store_.set_busy_timeout(kWaitWhilePlaying);
}

void SessionRecorder::started(const SessionStarted& start) {
  record_.audio_device = start.audio_device;
  record_.midi_port = start.midi_port;
  record_.output_latency_ms = start.output_latency_ms;
  record_.precision_bound_ms = start.precision_bound_ms;
  write_waiting();
}

StoredStroke SessionRecorder::row(const ScoredStroke& s, const std::vector<std::string>& pad_names,
                                  std::int64_t bar) const {
  return {std::llround(s.stroke.seconds * sample_rate_),
          s.stroke.seconds,
          pad_names.at(static_cast<std::size_t>(s.stroke.pad)),
          s.stroke.velocity,
          s.slot,
          bar,
          s.offset_ms,
          s.matched,
          s.click_heard};
}

void SessionRecorder::write_waiting() {
  // After one failure the history is left alone: the partial copy stays unfinished, and the
  // recovery file holds the whole session, which `pocket import` puts in its place.
  if (!problem_.empty()) return;
  try {
    if (!id_) {
      id_ = store_.begin_session(record_);
      record_.id = *id_;
    }
    if (!waiting_strokes_.empty()) store_.add_strokes(*id_, waiting_strokes_);
    waiting_strokes_.clear();
    for (; !waiting_steps_.empty(); waiting_steps_.erase(waiting_steps_.begin()))
      store_.add_step(*id_, waiting_steps_.front());
  } catch (const std::exception& e) {
    // Another program holds the history: what waits is tried again later.
    if (SessionStore::busy(e)) return;
    // The click goes on: a full disk must not stop the practice; the live summary still comes.
    // Said once the session is over, not over the live view.
    problem_ = e.what();
  }
}

void SessionRecorder::bar_closed(const BarClosed& bar) {
  for (const ScoredStroke& s : bar.strokes)
    waiting_strokes_.push_back(row(s, *bar.pad_names, bar.bar.bar));
  last_bar_handed_ = bar.bar.bar;
  write_waiting();
}

void SessionRecorder::step_closed(const StepClosed& step) {
  waiting_steps_.push_back(stored_step(step.step, step.index, step.first_bar));
  write_waiting();
}

namespace {

std::int64_t bar_of(const ScoredStroke& s, const LiveResult& result) {
  return s.slot >= 0 && result.grid ? result.grid->bar_of(s.slot) : -1;
}

}  // namespace

void SessionRecorder::finish(const LiveResult& result, const std::string& summary_json) {
  finish_writing(result, summary_json);
  if (!problem_.empty()) keep_in_recovery_file(result);
}

void SessionRecorder::keep_in_recovery_file(const LiveResult& result) const {
  RecoveredSession kept{new_recovery_id(), store_.path().string(), id_, problem_, record_, {}, {}};
  kept.record.id = 0;
  for (const ScoredStroke& s : result.analysis.strokes)
    kept.strokes.push_back(row(s, result.pad_names, bar_of(s, result)));
  for (std::size_t i = 0; i < result.steps.size(); ++i)
    kept.steps.push_back(stored_step(result.steps[i], i, result.step_first_bars.at(i)));
  fmt::print(stderr, "\nthe history {} could not take this session: {}\n", kept.history, problem_);
  std::filesystem::path file;
  try {
    file = write_recovery_file(kept);
  } catch (const std::exception& e) {
    // Nowhere to write: the terminal is the last place the strokes can go.
    fmt::print(stderr,
               "no recovery file could be written either ({}).\nthe session follows on standard "
               "output: save it to a file and run 'pocket import FILE'\n",
               e.what());
    fmt::print(stdout, "{}\n", recovery_json(kept).dump(2));
    std::fflush(stdout);
    return;
  }
  const bool default_history = store_.path() == SessionStore::default_path();
  fmt::print(stderr,
             "every stroke of it ({}) is kept in {}\nbring it into the history later with: "
             "pocket import {}{}\n",
             kept.strokes.size(), file.string(), file.string(),
             default_history ? "" : " --db " + store_.path().string());
}

void SessionRecorder::finish_writing(const LiveResult& result, const std::string& summary_json) {
  record_.ended_at = utc_now();
  record_.status = result.audio_lost || result.midi_lost ? "lost"
                   : result.interrupted                  ? "interrupted"
                                                         : "finished";
  record_.summary_json = summary_json;
  record_.precision_bound_ms = result.precision_bound_ms;  // on ALSA, as the session showed
  record_.verdict =
      result.verdict ? result.verdict->message : describe_timing(result.analysis.timing);
  record_.bpm_low = result.lowest_bpm;
  record_.bpm_high = result.highest_bpm;
  if (!result.steps.empty()) {
    record_.bpm_low = result.steps.front().bpm;
    record_.bpm_high = result.steps.front().bpm;
    for (const StepResult& s : result.steps) {
      record_.bpm_low = std::min(record_.bpm_low, s.bpm);
      record_.bpm_high = std::max(record_.bpm_high, s.bpm);
    }
  }
  for (const ScoredStroke& s : result.analysis.strokes) {
    if (bar_of(s, result) > last_bar_handed_)
      waiting_strokes_.push_back(row(s, result.pad_names, bar_of(s, result)));
  }
  // Steps again in their final form: the last one may have been cut short.
  waiting_steps_.clear();
  for (std::size_t i = 0; i < result.steps.size(); ++i)
    waiting_steps_.push_back(stored_step(result.steps[i], i, result.step_first_bars.at(i)));
  store_.set_busy_timeout(kWaitAtTheEnd);
  write_waiting();
  if (problem_.empty() && (!id_ || !waiting_strokes_.empty() || !waiting_steps_.empty())) {
    problem_ = fmt::format("another program held it for more than {} seconds",
                           std::chrono::duration_cast<std::chrono::seconds>(kWaitAtTheEnd).count());
  }
  if (!problem_.empty()) return;
  try {
    store_.finish_session(record_);
  } catch (const std::exception& e) {
    problem_ = e.what();
  }
}

}  // namespace pocket
