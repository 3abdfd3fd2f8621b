#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <vector>

#include "core/drill.hpp"
#include "core/goal_projection.hpp"
#include "core/practice_history.hpp"
#include "presets/preset_library.hpp"
#include "store/session_store.hpp"

namespace pocket {

// The tempo a kept session held: a ladder's highest complete solid step, or the tempo of a
// finished fixed-tempo session whose slots met its pass rule. None when it held none.
std::optional<double> held_tempo(const SessionRecord& record, const std::vector<StoredStep>& steps);

// Every kept session of a drill, oldest first, with the tempo it held.
std::vector<HeldTempo> held_tempos(const SessionStore& store, const std::string& drill);
// The same from sessions already read with their digests (see digested_outlines), oldest first.
std::vector<HeldTempo> held_tempos(const std::vector<SessionOutline>& oldest_first);

// A kept session played along with a song, with the song's tempo at 100 %.
struct SongSession {
  SessionOutline outline;
  double song_bpm = 0.0;
  // The share of the song's tempo it held, in % (80 is 80 %); none when it held none.
  std::optional<double> held_percent() const;
};

// Every kept session played along with the song whose bytes have `fingerprint`, oldest first.
std::vector<SongSession> song_sessions(const SessionStore& store, const std::string& fingerprint);
// Their speeds held, as tempos in % (a HeldTempo's `bpm`: 80 is 80 %).
std::vector<HeldTempo> held_song_speeds(const std::vector<SongSession>& oldest_first);

// The drill's consolidated tempo from the history (see ConsolidationWindow).
std::optional<double> consolidated_from_history(const SessionStore& store,
                                                const std::string& drill);

// The healthy-pace cap of a drill: its ladder's max_increase, else the default.
double healthy_cap(const PresetLibrary& library, const std::string& drill);

// How the player's goal on a drill is going, from the drill's history.
GoalProjection goal_projection(const SessionStore& store, const PresetLibrary& library,
                               const StoredGoal& goal, std::chrono::sys_days today);

// "Your goal on paradiddles: 160 BPM by 2027-03-01. <the projection>".
std::string goal_in_words(const SessionStore& store, const PresetLibrary& library,
                          const StoredGoal& goal, std::chrono::sys_days today);

}  // namespace pocket
