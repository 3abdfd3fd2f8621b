#pragma once

#include <chrono>
#include <string_view>

#include "core/practice_history.hpp"
#include "support/made_up_histories.hpp"

// Dates and held tempi for core's history tests, counted back from the made-up today.
namespace pocket::test {

inline std::chrono::sys_days date(std::string_view text) { return parse_date(text).value(); }

inline const std::chrono::sys_days kToday = date(kMadeUpToday);

inline HeldTempo held(int days_before_today, double bpm) {
  return {kToday - std::chrono::days{days_before_today}, bpm};
}
inline HeldTempo none_held(int days_before_today) {
  return {kToday - std::chrono::days{days_before_today}, {}};
}

}  // namespace pocket::test
