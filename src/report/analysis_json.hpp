#pragma once

#include <nlohmann/json.hpp>

#include "core/analysis.hpp"

namespace pocket {

// The summary keys documented in the README: hits, missed, extra, double_triggers,
// mean_offset_ms, sd_offset_ms, median_abs_offset_ms, within_10ms, within_25ms,
// drift_ms_per_min, pads, positions, flams, gap (when the drill had muted bars), swing, feel,
// hands (with a sticking), summary. Hands differ only beyond `measuring_error_ms`.
nlohmann::json analysis_json(const Analysis& analysis, double measuring_error_ms = 0.0);

}  // namespace pocket
