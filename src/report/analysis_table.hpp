#pragma once

#include <string>

#include "core/analysis.hpp"

namespace pocket {

// The terminal view of an analysis: summary, per pad, per hand, per position, and the verdict
// line. Hands differ only beyond `measuring_error_ms`.
std::string analysis_table(const Analysis& analysis, double measuring_error_ms = 0.0);

}  // namespace pocket
