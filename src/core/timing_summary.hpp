#pragma once

#include <string>

#include "timing_stats.hpp"

namespace pocket {

// One line in plain words: "late by 8 ms on average, consistent within 6 ms, no drift".
std::string describe_timing(const TimingStats& stats);

// Drift counts only when it is clear (at least 3 standard errors) and adds up to at least
// 2 ms over the performance.
bool has_drift(const TimingStats& stats);

}  // namespace pocket
