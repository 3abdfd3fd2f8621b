#include "views/screen_view.hpp"

#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include <curses.h>
#include <fmt/format.h>

#include "core/hand_timing.hpp"
#include "core/tempo_text.hpp"
#include "report/labels.hpp"
#include "views/big_text.hpp"
#include "views/click_words.hpp"
#include "views/line_view.hpp"
#include "views/meter_scale.hpp"
#include "views/wrapped_text.hpp"

namespace pocket {

namespace {

constexpr std::size_t kMarks = 8;  // strokes shown per lane
constexpr std::size_t kRollingBars = 4;
constexpr int kMinWidth = 80;
constexpr int kMinHeight = 24;
constexpr int kLabelWidth = 9;   // " snare   "
constexpr int kStatsWidth = 21;  // "  +12.3  14.1   8%"

enum Colour : short { kGreen = 1, kYellow, kRed, kCyan };

attr_t band_attr(Band band) {
  if (!has_colors()) return band == Band::tight ? A_NORMAL : A_BOLD;
  switch (band) {
    case Band::tight: return COLOR_PAIR(kGreen);
    case Band::close: return COLOR_PAIR(kYellow);
    case Band::loose: return COLOR_PAIR(kRed);
  }
  return A_NORMAL;
}

// Writes as much of `text` as fits on the row: nothing wraps.
void put(int row, int column, std::string_view text, attr_t attributes = A_NORMAL) {
  const int room = COLS - column;
  if (row < 0 || row >= LINES || room <= 0) return;
  attron(attributes);
  mvaddnstr(row, column, text.data(), std::min(static_cast<int>(text.size()), room));
  attroff(attributes);
}

}  // namespace

ScreenView::Lane& ScreenView::lane(const std::string& pad) {
  for (Lane& l : lanes_) {
    if (l.pad == pad) return l;
  }
  return lanes_.emplace_back(Lane{pad, {}, {}, {}});
}

void ScreenView::started(const SessionStarted& start) {
  start_ = start;
  // What was said before the click stays in view until the session has news of its own.
  for (const std::string& line : start.said_before)
    notice_ += (notice_.empty() ? "" : " | ") + line;
  if (!start.server_note.empty()) notice_ += (notice_.empty() ? "" : " | ") + start.server_note;
  if (has_colors()) {
    init_pair(kGreen, COLOR_GREEN, -1);
    init_pair(kYellow, COLOR_YELLOW, -1);
    init_pair(kRed, COLOR_RED, -1);
    init_pair(kCyan, COLOR_CYAN, -1);
  }
  draw();
}

void ScreenView::stroke_scored(const ScoredStroke& stroke, const std::string& pad) {
  latest_ms_ = stroke.offset_ms;
  latest_pad_ = pad;
  Lane& l = lane(pad);
  l.marks.push_back(stroke.offset_ms);
  if (l.marks.size() > kMarks) l.marks.pop_front();
}

void ScreenView::bar_closed(const BarClosed& bar) {
  std::vector<Tally> tallies(lanes_.size());
  std::vector<std::vector<int>> velocities(lanes_.size());
  for (const ScoredStroke& s : bar.strokes) {
    if (!s.matched) continue;
    const std::string& pad = bar.pad_names->at(static_cast<std::size_t>(s.stroke.pad));
    lane(pad);  // a pad first heard in this bar gets its lane
    tallies.resize(lanes_.size());
    velocities.resize(lanes_.size());
    for (std::size_t i = 0; i < lanes_.size(); ++i) {
      if (lanes_[i].pad != pad) continue;
      tallies[i].add_hit(s.offset_ms);
      velocities[i].push_back(s.stroke.velocity);
    }
  }
  for (std::size_t i = 0; i < lanes_.size(); ++i) {
    lanes_[i].bars.push_back(tallies[i]);
    lanes_[i].velocities.push_back(std::move(velocities[i]));
    if (lanes_[i].bars.size() > kRollingBars) lanes_[i].bars.pop_front();
    if (lanes_[i].velocities.size() > kRollingBars) lanes_[i].velocities.pop_front();
  }
}

void ScreenView::step_closed(const StepClosed& step) { notice_ = step_line(step.step, step.index); }

void ScreenView::click_mode_changed(const SilenceRequest& request) {
  notice_ = silence_line(request);
}

void ScreenView::quiet_gap_closed(const QuietGap& gap) { notice_ = gap_line(gap); }

void ScreenView::midi_port_changed(const MidiPortChange& change) {
  notice_ = midi_port_line(change);
}

void ScreenView::state_changed(const SessionState& state) {
  state_ = state;
  // The session tells the state about 30 times a second: a new size shows with the next one.
  if (pacer_.due(RedrawPacer::Clock::now())) draw();
}

void ScreenView::ended(const LiveResult&) { screen_.close(); }

void ScreenView::draw() {
  if (!screen_.open()) return;
  erase();
  const int width = COLS;
  const int height = LINES;
  if (width < kMinWidth || height < kMinHeight) {
    put(0, 0,
        fmt::format("pocket: make this window at least {}x{} for the live view (now {}x{})",
                    kMinWidth, kMinHeight, width, height));
    if (latest_ms_) put(1, 0, fmt::format("latest: {} {:+.0f} ms", latest_pad_, *latest_ms_));
    draw_footer(width, height);
    refresh();
    return;
  }
  draw_header(width);
  draw_latest(width, 5);
  draw_meter(width, 12, height - 3);
  draw_footer(width, height);
  refresh();
}

void ScreenView::draw_header(int width) {
  put(0, 1, fmt::format("pocket  {}", start_.drill), A_BOLD);
  // The whole label ("API / device") when it fits, else the device alone: at 80 columns
  // the player still sees where the click goes.
  const std::string& label = start_.audio_device;
  const auto slash = label.find(" / ");
  for (const std::string& name :
       {label, slash == std::string::npos ? label : label.substr(slash + 3)}) {
    const std::string device = fmt::format("{}  ({} frames)", name, start_.buffer_frames);
    if (static_cast<int>(device.size()) + 20 >= width) continue;
    put(0, width - 1 - static_cast<int>(device.size()), device, A_DIM);
    break;
  }

  const std::string where = state_.bar < 0 ? std::string("count-in")
                                           : fmt::format("bar {}  beat {}/{}", state_.bar + 1,
                                                         state_.beat + 1, state_.beats_in_bar);
  put(1, 1, format_bpm(state_.bpm), A_BOLD);
  const auto whole_seconds = static_cast<std::int64_t>(state_.seconds);  // 59.6 s is 0:59
  put(1, 14,
      fmt::format("{}   click: {}   {}:{:02}", where, click_words(state_.click), whole_seconds / 60,
                  whole_seconds % 60));

  if (state_.step) {
    const StepProgress& step = *state_.step;
    const Tally& t = step.tally;
    const int bars_left = std::max(0, step.bars_per_step - step.bars_played);
    if (t.hits + t.missed == 0) {
      put(2, 1,
          fmt::format("step {} at {}, {} bars to play: needs {:.0f}% in 25 ms, "
                      "SD up to {:g} ms",
                      step.index + 1, format_bpm(step.bpm), bars_left,
                      step.rule.min_slots_within_25ms * 100.0, step.rule.max_sd_ms));
    } else {
      const bool holding = check_rule(step.rule, t).passed;
      put(2, 1,
          fmt::format("step {} at {}, {} bars left: {:.0f}% in 25 ms (needs {:.0f}%), "
                      "SD {:.1f} ms (max {:g})",
                      step.index + 1, format_bpm(step.bpm), bars_left,
                      t.slots_within_25ms() * 100.0, step.rule.min_slots_within_25ms * 100.0,
                      t.sd_ms(), step.rule.max_sd_ms),
          band_attr(holding ? Band::tight : Band::close));
    }
  }
  // Rows 3 and 4 hold the notice: the big offset starts on row 5.
  const auto notice = wrapped_text(notice_, static_cast<std::size_t>(width - 2));
  for (std::size_t i = 0; i < std::min<std::size_t>(notice.size(), 2); ++i)
    put(3 + static_cast<int>(i), 1, notice[i], A_DIM);
}

void ScreenView::draw_latest(int width, int top) {
  if (!latest_ms_) {
    put(top + 2, 1,
        state_.click == ClickState::waiting_for_hit
            ? "hit any pad to start: the count-in begins a beat after your hit"
            : "waiting for your first stroke...",
        A_DIM);
    return;
  }
  const double ms = *latest_ms_;
  const std::string number = fmt::format("{:+.0f}", ms);
  const auto rows = big_text(number);
  const int left = std::max(1, width / 2 - static_cast<int>(rows[0].size()) / 2 - 8);
  const attr_t attributes = band_attr(band_of(ms)) | A_BOLD;
  for (int r = 0; r < kBigTextRows; ++r)
    put(top + r, left, rows[static_cast<std::size_t>(r)], attributes);
  const int after = left + static_cast<int>(rows[0].size()) + 3;
  put(top + 2, after, "ms", attributes);
  put(top + 4, after,
      fmt::format("{} {}", latest_pad_,
                  ms < -0.5  ? "early"
                  : ms > 0.5 ? "late"
                             : "on the click"));
}

void ScreenView::draw_meter(int width, int top, int last_row) {
  const MeterScale scale(width - kLabelWidth - kStatsWidth);
  put(top, 1, "early", A_DIM);
  put(top, kLabelWidth + scale.width() - 4, "late", A_DIM);
  put(top, kLabelWidth + scale.width() + 3, fmt::format("last {} bars", kRollingBars), A_DIM);
  for (const double ms : {-50.0, -25.0, -10.0, 0.0, 10.0, 25.0, 50.0}) {
    const std::string label = ms == 0.0 ? "0" : fmt::format("{:+g}", ms);
    const int column = kLabelWidth + scale.column(ms) - static_cast<int>(label.size()) / 2;
    put(top + 1, std::clamp(column, kLabelWidth, kLabelWidth + scale.width() - 3), label, A_DIM);
  }
  put(top + 1, kLabelWidth + scale.width() + 3, " mean    SD  even", A_DIM);

  int row = top + 2;
  for (const Lane& l : lanes_) {
    if (row > last_row) break;
    put(row, 1, l.pad.substr(0, kLabelWidth - 2));
    put(row, kLabelWidth, scale.track(), A_DIM);
    for (std::size_t i = 0; i < l.marks.size(); ++i) {
      const double ms = l.marks[i];
      const std::size_t age = l.marks.size() - 1 - i;
      const char mark = age == 0 ? 'O' : age < 3 ? 'o' : '.';
      const attr_t fade = age == 0 ? A_BOLD : age < 3 ? A_NORMAL : A_DIM;
      put(row, kLabelWidth + scale.column(ms), std::string(1, mark), band_attr(band_of(ms)) | fade);
    }
    Tally rolling;
    for (const Tally& t : l.bars) rolling += t;
    if (rolling.hits > 0) {
      put(row, kLabelWidth + scale.width() + 3,
          fmt::format("{:+5.1f} {:5.1f}", rolling.mean_ms(), rolling.sd_ms()),
          band_attr(band_of(rolling.mean_ms())));
    }
    // Loudness evenness: the velocities' spread over their mean, as a pattern's accents and
    // ghosts make it wide on purpose.
    std::vector<int> loudness;
    for (const std::vector<int>& bar : l.velocities)
      loudness.insert(loudness.end(), bar.begin(), bar.end());
    if (loudness.size() > 1) {
      put(row, kLabelWidth + scale.width() + 3 + 12,
          fmt::format("{:4.0f}%", velocity_stats(loudness).cv() * 100.0), A_NORMAL);
    }
    ++row;
  }
  if (lanes_.empty()) put(row, kLabelWidth, scale.track(), A_DIM);
}

void ScreenView::draw_footer(int width, int height) {
  // Two rows for warnings, the most pressing first: the kit, the audio, the song.
  std::vector<std::string> warnings;
  if (!state_.midi_connected)
    warnings.emplace_back("! the kit's MIDI port is gone: the click goes on, pocket looks for it");
  if (state_.underflows > 0) {
    warnings.push_back(
        fmt::format("! audio underflows: {} (the machine could not keep up: a bigger buffer helps)",
                    state_.underflows));
  }
  if (state_.song_skips > 0) {
    warnings.push_back(
        fmt::format("! the song skipped {}: its file is read too slowly (the click goes on)",
                    labels::times(state_.song_skips)));
  }
  warnings.resize(std::min<std::size_t>(warnings.size(), 2));
  for (std::size_t i = 0; i < warnings.size(); ++i) {
    put(height - 1 - static_cast<int>(warnings.size() - i), 1, warnings[i],
        band_attr(Band::loose) | A_BOLD);
  }
  const bool waiting = state_.click == ClickState::waiting_for_hit;
  const bool paused = state_.click == ClickState::paused || state_.click == ClickState::pausing;
  const std::string remote = start_.remote_pad.empty() || waiting
                                 ? ""
                                 : fmt::format("   {}: a hit {}, three end", start_.remote_pad,
                                               paused ? "goes on" : "pauses");
  const std::string keys = fmt::format("{}{}q end{}",
                                       waiting  ? "a pad or space: start   "
                                       : paused ? "space go on   "
                                                : "space pause   ",
                                       state_.can_nudge && !waiting ? "+ - tempo   " : "", remote);
  put(height - 1, 1, keys.substr(0, static_cast<std::size_t>(std::max(0, width - 2))),
      has_colors() ? COLOR_PAIR(kCyan) : A_DIM);
}

}  // namespace pocket
