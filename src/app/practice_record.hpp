#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <vector>

#include "core/drill.hpp"
#include "core/practice_history.hpp"
#include "store/session_store.hpp"

namespace pocket::app {

// The tempo a kept session held: a ladder's highest complete solid step, or the tempo of a
// finished fixed-tempo session whose slots met its pass rule. None when it held none.
std::optional<double> held_tempo(const SessionRecord& record, const std::vector<StoredStep>& steps);

// Every kept session of a drill, oldest first, with the tempo it held.
std::vector<HeldTempo> held_tempos(const SessionStore& store, const std::string& drill);

// The drill's consolidated tempo from the history (see ConsolidationWindow).
std::optional<double> consolidated_from_history(const SessionStore& store,
                                                const std::string& drill);

// Today, from the system clock, in UTC like the history's dates.
std::chrono::sys_days today();

// What the history keeps of a drill's settings (read back by load_session).
std::string drill_settings_json(const Drill& drill);

}  // namespace pocket::app
