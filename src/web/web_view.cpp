#include "web/web_view.hpp"

#include <chrono>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "live/live_result.hpp"
#include "live/session_summary.hpp"
#include "report/analysis_table.hpp"
#include "views/click_words.hpp"
#include "views/line_view.hpp"
#include "views/meter_scale.hpp"

namespace pocket {

namespace {

using nlohmann::json;

std::string_view band_name(Band band) {
  switch (band) {
    case Band::tight: return "tight";
    case Band::close: return "close";
    case Band::loose: return "loose";
  }
  return "";
}

json step_json(const StepProgress& step) {
  const Tally& t = step.tally;
  return {{"index", step.index},
          {"bpm", step.bpm},
          {"bars_played", step.bars_played},
          {"bars_per_step", step.bars_per_step},
          {"hits", t.hits},
          {"missed", t.missed},
          {"within_25ms_percent", rounded_for_json(t.slots_within_25ms() * 100.0, 10.0)},
          {"sd_ms", rounded_for_json(t.sd_ms(), 10.0)},
          {"rule", fmt::format("at least {:.0f}% of slots within 25 ms, SD at most {:.0f} ms",
                               step.rule.min_slots_within_25ms * 100.0, step.rule.max_sd_ms)}};
}

// The terminal's summary table, a line each: the page shows it in a fixed-width font.
std::vector<std::string> summary_lines(const LiveResult& r) {
  std::vector<std::string> lines = {fmt::format("{} clicks over {:.0f} s, audio underflows: {}",
                                                r.clicks_heard, r.seconds, r.underflows)};
  const std::string table = analysis_table(r.analysis, r.precision_bound_ms);
  for (std::size_t from = 0; from < table.size();) {
    const std::size_t end = table.find('\n', from);
    lines.push_back(table.substr(from, end == std::string::npos ? end : end - from));
    if (end == std::string::npos) break;
    from = end + 1;
  }
  while (!lines.empty() && lines.back().empty()) lines.pop_back();
  if (r.audio_lost) lines.emplace_back("the audio stopped: the strokes so far are kept");
  if (r.midi_lost)
    lines.emplace_back("the kit's MIDI input went away: the strokes so far are kept");
  return lines;
}

}  // namespace

double page_clock_seconds() {
  return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count();
}

void WebView::started(const SessionStarted& s) {
  server_.publish(json{{"type", "started"},
                       {"drill", s.drill},
                       {"audio_device", s.audio_device},
                       {"midi_port", s.midi_port},
                       {"buffer_frames", s.buffer_frames},
                       {"sample_rate", s.sample_rate},
                       {"said_before", s.said_before},
                       {"server_note", s.server_note}}
                      .dump(),
                  "started");
}

// The click's time goes out as soon as the audio thread has rendered it, usually a little
// before it is heard: `at` on the page clock, from the track's latest reading of now; `track`
// on the click track, as the JSON result has its strokes.
void WebView::click_coming(const ClickEvent& c, double click_seconds, double now_seconds) {
  if (!c.audible) return;
  server_.publish(json{
      {"type", "click"},
      {"at", page_clock_seconds() + (click_seconds - now_seconds)},
      {"track", click_seconds},
      {"bar", c.bar},
      {"beat", c.beat},
      {"sub", c.subdivision},
      {"accent", c.level == ClickLevel::accent},
      {"audible",
       c.audible}}.dump());
}

void WebView::stroke_scored(const ScoredStroke& s, const std::string& pad) {
  server_.publish(json{
      {"type", "stroke"},
      {"n", strokes_++},
      {"seconds", rounded_for_json(s.stroke.seconds, 1e6)},
      {"pad", pad},
      {"offset_ms", rounded_for_json(s.offset_ms, 100.0)},
      {"band", band_name(band_of(s.offset_ms))},
      {"matched",
       s.matched}}.dump());
}

void WebView::bar_closed(const BarClosed& b) {
  const Tally& t = b.bar.tally;
  server_.publish(json{{"type", "bar"},
                       {"bar", b.bar.bar},
                       {"bpm", b.bpm},
                       {"hits", t.hits},
                       {"missed", t.missed},
                       {"extra", t.extra},
                       {"mean_ms", rounded_for_json(t.mean_ms(), 10.0)},
                       {"sd_ms", rounded_for_json(t.sd_ms(), 10.0)}}
                      .dump());
}

void WebView::step_closed(const StepClosed& s) {
  server_.publish(json{{"type", "step"},
                       {"index", s.index},
                       {"bpm", s.step.bpm},
                       {"passed", s.step.check.passed},
                       {"text", step_line(s.step, s.index)}}
                      .dump());
}

void WebView::click_mode_changed(const SilenceRequest& r) { say("notice", silence_line(r)); }

void WebView::quiet_gap_closed(const QuietGap& gap) { say("notice", gap_line(gap)); }

void WebView::midi_port_changed(const MidiPortChange& change) {
  say(change.connected ? "notice" : "warning", midi_port_line(change));
}

void WebView::say(const char* type, const std::string& text) {
  server_.publish(json{{"type", type}, {"text", text}}.dump());
}

void WebView::state_changed(const SessionState& s) {
  server_.publish(json{{"type", "state"},
                       {"seconds", rounded_for_json(s.seconds, 10.0)},
                       {"bpm", rounded_for_json(s.bpm, 100.0)},
                       {"bar", s.bar},
                       {"beat", s.beat},
                       {"beats_in_bar", s.beats_in_bar},
                       {"click", click_state_name(s.click)},
                       {"click_words", click_words(s.click)},
                       {"underflows", s.underflows},
                       {"song_skips", s.song_skips},
                       {"midi_connected", s.midi_connected},
                       {"can_nudge", s.can_nudge},
                       {"step", s.step ? step_json(*s.step) : json(nullptr)}}
                      .dump(),
                  "state");
}

void WebView::ended(const LiveResult& r) {
  json verdict = nullptr;
  if (r.verdict) verdict = {{"kind", to_string(r.verdict->kind)}, {"message", r.verdict->message}};
  server_.publish(
      json{{"type", "ended"}, {"summary", summary_lines(r)}, {"verdict", verdict}}.dump(), "ended");
}

}  // namespace pocket
