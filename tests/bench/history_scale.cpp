// A history of many daily sessions, built through the store's API as pocket keeps one, for
// scripts/bench to time the commands a player runs every day on it.
//   history_scale build DB SESSIONS STROKES   a session a day, oldest first, STROKES each
//   history_scale start DB DRILL              what a ladder reads before its first click:
//                                             prints start_ms=
// Each session is a copy of one made-up session (sixteenths on three pads, offsets spread
// like a player's) with its own date; one in three drills is a ladder with its steps.
#include <chrono>
#include <cmath>
#include <cstdlib>
#include <random>
#include <string>
#include <vector>

#include <fmt/chrono.h>
#include <fmt/format.h>

#include "app/history_files.hpp"
#include "core/analysis.hpp"
#include "history/practice_record.hpp"
#include "history/session_digest.hpp"
#include "report/analysis_json.hpp"
#include "store/session_store.hpp"

namespace {

using namespace pocket;

constexpr double kRate = 48000.0;
constexpr double kBpm = 100.0;
constexpr int kSlotsPerBar = 16;
const char* const kDrills[] = {"paradiddles", "singles-16ths", "groove-rock"};

struct MadeSession {
  std::vector<StoredStroke> strokes;
  std::string summary_json;
};

MadeSession made_session(std::int64_t strokes) {
  const Grid grid = Grid::constant(kBpm, MeterCycle{4, 4}, kSlotsPerBar, 0.0);
  const std::vector<std::string> pads = {"hihat", "snare", "kick"};
  std::mt19937 random(7);
  std::normal_distribution<double> offset_ms(2.0, 9.0);
  std::uniform_int_distribution<int> velocity(60, 120);
  MadeSession s;
  std::vector<ScoredStroke> scored;
  for (std::int64_t slot = 0; slot < strokes; ++slot) {
    const double offset = std::round(offset_ms(random) * 1000.0) / 1000.0;
    const double seconds = grid.seconds_of(slot) + offset / 1000.0;
    const int pad = slot % 4 == 0 ? 2 : slot % 8 == 4 ? 1 : 0;
    const int v = velocity(random);
    s.strokes.push_back({std::llround(seconds * kRate), seconds,
                         pads[static_cast<std::size_t>(pad)], v, slot, slot / kSlotsPerBar, offset,
                         true, true});
    scored.push_back({{seconds, pad, v}, slot, offset, true, true});
  }
  s.summary_json = analysis_json(summarize(scored, grid, pads)).dump();
  return s;
}

std::string date_of(int days_after_start) {
  const std::chrono::sys_days start =
      std::chrono::sys_days{std::chrono::year{2016} / std::chrono::December / 3};
  return fmt::format("{:%Y-%m-%d}", start + std::chrono::days{days_after_start});
}

void build(const std::string& path, int sessions, std::int64_t strokes) {
  SessionStore store(path);
  const MadeSession made = made_session(strokes);
  const std::string settings = R"({"meter":"4/4","grid":16,"subdivision":1,"count_in":1,)"
                               R"("accents":true,"sound":"classic","pass_within":85.0,)"
                               R"("max_sd_ms":12.0,"bpm":100.0})";
  for (int day = 0; day < sessions; ++day) {
    const std::string drill = kDrills[day % 3];
    const bool ladder = drill == "paradiddles";
    SessionRecord r;
    r.started_at = date_of(day) + "T18:00:00Z";
    r.drill = drill;
    r.settings_json = settings;
    r.audio_device = "JACK / system";
    r.midi_port = "e-kit";
    r.bpm_low = kBpm;
    r.bpm_high = ladder ? kBpm + 16.0 : kBpm;
    r.precision_bound_ms = 2.67;
    r.id = store.begin_session(r);
    store.add_strokes(r.id, made.strokes);
    if (ladder) {
      for (int step = 0; step < 5; ++step) {
        store.add_step(r.id, {step, kBpm + 4.0 * step, 8, true, step < 4, 128, 0, 1.5, 7.0 + step,
                              0.95 - 0.05 * step, 9 * step});
      }
    }
    r.ended_at = date_of(day) + "T18:20:00Z";
    r.status = "finished";
    r.summary_json = made.summary_json;
    r.verdict = "steady: 93% of slots within 25 ms";
    store.finish_session(r);
    keep_digest(store, r.id);
    if (day % 100 == 99 || day + 1 == sessions)
      fmt::print(stderr, "\rhistory_scale: {} of {} sessions", day + 1, sessions);
  }
  fmt::print(stderr, "\n");
}

void start(const std::string& path, const std::string& drill) {
  const auto begin = std::chrono::steady_clock::now();
  const SessionStore store = app::open_store(path);
  const std::optional<double> held = consolidated_from_history(store, drill);
  const double ms =
      std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - begin).count();
  fmt::print("start_ms={:.1f} consolidated={}\n", ms, held ? fmt::format("{:g}", *held) : "none");
}

}  // namespace

int main(int argc, char** argv) {
  const std::vector<std::string> args(argv + 1, argv + argc);
  if (args.size() == 4 && args[0] == "build") {
    build(args[1], std::stoi(args[2]), std::stoll(args[3]));
    return 0;
  }
  if (args.size() == 3 && args[0] == "start") {
    start(args[1], args[2]);
    return 0;
  }
  fmt::print(stderr,
             "usage: history_scale build DB SESSIONS STROKES | history_scale start DB DRILL\n");
  return 2;
}
