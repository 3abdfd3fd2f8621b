#pragma once

#include <chrono>
#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace pocket {

// Dates are whole days. The caller says which day is today: core never reads a clock.

// "YYYY-MM-DD"; nothing when the text is malformed or the date does not exist (2027-02-30).
std::optional<std::chrono::sys_days> parse_date(std::string_view text);
std::string format_date(std::chrono::sys_days date);  // "YYYY-MM-DD"

// One kept session of a drill: its date and the tempo it held (a complete passed ladder step's
// highest tempo, or the tempo of a finished fixed-tempo session that met its pass rule), none
// when it held none.
struct HeldTempo {
  std::chrono::sys_days date;
  std::optional<double> bpm;
};

// The recent window the consolidated tempo is read from: the last `sessions` sessions of the
// drill that held a tempo, those at most `days` days older than the newest of them. Sessions
// that held nothing take no place in it, so a run of loose sessions never lifts the cap; a
// tempo held long before the latest one no longer counts.
struct ConsolidationWindow {
  int sessions = 10;
  int days = 28;
};

// The highest tempo held in the window (sessions oldest first); none when nothing was held
// there. Throws std::invalid_argument for a window of no sessions or negative days.
std::optional<double> consolidated_tempo(std::span<const HeldTempo> sessions,
                                         ConsolidationWindow window = {});

}  // namespace pocket
