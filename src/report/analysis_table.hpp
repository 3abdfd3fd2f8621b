#pragma once

#include <string>

#include "core/analysis.hpp"

namespace pocket {

// The terminal view of an analysis: summary, per pad, per position, and the verdict line.
std::string analysis_table(const Analysis& analysis);

}  // namespace pocket
