#pragma once

#include <string>
#include <string_view>

#include "progress_timeline.hpp"
#include "progress_view.hpp"

// The two charts of a drill (or a song) on the progress page, over the same dated axis: the tempo
// held (with the goal and the next sessions' ceiling) and the SD.
namespace pocket::progress_charts {

using progress_timeline::Timeline;

// The tempo (or a song's speed) held per session over the dates, the goal line and the next
// sessions' ceiling.
// `id` must be unique on the page.
std::string tempo_chart(const DrillProgress& drill, const Timeline& timeline, std::string_view id);
// The SD per session over the same dates; `measure` words the sessions' tooltips.
std::string sd_chart(const Timeline& timeline, ProgressMeasure measure, std::string_view id);

// Style rules for both charts.
std::string chart_css();

}  // namespace pocket::progress_charts
