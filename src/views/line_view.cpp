#include "views/line_view.hpp"

#include <fmt/format.h>

#include "core/tempo_text.hpp"

namespace pocket {

std::string step_line(const StepResult& step, std::size_t index) {
  const RuleCheck& check = step.check;
  const std::string result =
      check.passed ? "solid"
      : check.statistic == "SD"
          ? fmt::format("not yet (the rule allows an SD up to {:g} ms)", check.limit)
          : fmt::format("not yet (the rule asks {:.0f}%)", check.limit * 100.0);
  return fmt::format("step {} at {}{}: {:.0f}% of slots within 25 ms, SD {:.1f} ms: {}", index + 1,
                     format_bpm(step.bpm), step.complete ? "" : " (cut short)",
                     step.tally.slots_within_25ms() * 100.0, step.tally.sd_ms(), result);
}

std::string remote_pad_line(const std::string& pad) {
  return fmt::format(
      "remote pad {}: one hit pauses or goes on at the bar line, three within 1.5 s end", pad);
}

void LineView::started(const SessionStarted& s) {
  fmt::print(out_, "audio: {} (output latency {:.1f} ms, {} frames at {:g} Hz)\nmidi: {}\n",
             s.audio_device, s.output_latency_ms, s.buffer_frames, s.sample_rate, s.midi_port);
  if (!s.server_note.empty()) fmt::print(out_, "{}\n", s.server_note);
  if (!s.remote_pad.empty()) fmt::print(out_, "{}\n", remote_pad_line(s.remote_pad));
  std::fflush(out_);
}

void LineView::stroke_scored(const ScoredStroke& s, const std::string& pad) {
  if (!stroke_lines_) return;
  fmt::print(out_, "  {:<8} {:+4.0f} ms{}\n", pad, s.offset_ms,
             s.matched ? "" : "  (not in the pattern)");
  std::fflush(out_);
}

void LineView::bar_closed(const BarClosed& b) {
  const Tally& t = b.bar.tally;
  fmt::print(out_, "bar {:>3} at {}: {}/{} slots within 25 ms, mean {:+.0f} ms, SD {:.0f} ms{}\n",
             b.bar.bar + 1, format_bpm(b.bpm), t.within_25ms, t.hits + t.missed, t.mean_ms(),
             t.sd_ms(), b.click_silenced ? "  (no click)" : "");
  std::fflush(out_);
}

void LineView::step_closed(const StepClosed& s) {
  fmt::print(out_, "{}\n", step_line(s.step, s.index));
}

std::string silence_line(const SilenceRequest& request) {
  const std::int64_t bars = request.to_bar - request.from_bar;
  return request.kind == SilenceRequest::Kind::end_silence
             ? fmt::format("the click comes back at bar {}", request.from_bar + 1)
         : request.to_bar == SilenceRequest::kUntilTold
             ? fmt::format("tight: the click drops out from bar {}", request.from_bar + 1)
             : fmt::format("next gap: {} bar{} without the click from bar {}", bars,
                           bars == 1 ? "" : "s", request.from_bar + 1);
}

std::string gap_line(const QuietGap& gap) {
  return fmt::format("gap of {} bar{} from bar {}: {:.0f}% of slots within 25 ms, {}", gap.bars,
                     gap.bars == 1 ? "" : "s", gap.first_bar + 1,
                     gap.tally.slots_within_25ms() * 100.0, gap.held ? "held" : "not held yet");
}

void LineView::click_mode_changed(const SilenceRequest& request) {
  fmt::print(out_, "{}\n", silence_line(request));
}

std::string midi_port_line(const MidiPortChange& change) {
  return change.connected
             ? fmt::format("the kit's port {} is back after {:.1f} s: scoring again", change.port,
                           change.outage_seconds)
             : fmt::format(
                   "the kit's port {} went away: the click goes on and pocket looks for "
                   "it again every second (the bars without it count as missed)",
                   change.port);
}

void LineView::midi_port_changed(const MidiPortChange& change) {
  fmt::print(out_, "{}\n", midi_port_line(change));
  std::fflush(out_);
}

void LineView::quiet_gap_closed(const QuietGap& gap) { fmt::print(out_, "{}\n", gap_line(gap)); }

void LineView::state_changed(const SessionState& state) {
  const bool waiting = state.click == ClickState::waiting_for_hit;
  if (waiting && !waiting_) {
    fmt::print(out_,
               "waiting for a hit: hit any pad to start, the count-in begins a beat after it\n");
    std::fflush(out_);
  }
  waiting_ = waiting;
}

}  // namespace pocket
