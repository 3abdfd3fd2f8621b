#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "html_report.hpp"

// The charts of the HTML report, each one inline <svg> element. Every chart is drawn even
// without data (it then says so), so a page always has the same four charts.
namespace pocket::charts {

// Pads in the order the charts colour them: the per-pad table first, then any pad that only
// shows up among the strokes.
std::vector<std::string> pad_order(const ReportData& data);
// The CSS class colouring pad number `index` of pad_order(): "pad0", "pad1", ...
std::string pad_class(std::size_t index);
// Style rules for the chart classes (palette, axes, bands); the page inlines them.
std::string chart_css();

// "+8.2 ms", "-3.0 ms", "0.0 ms"; a value that is not finite reads as zero.
std::string signed_ms(double value);

// Every stroke's offset over time, with the ladder's steps marked.
std::string offsets_chart(const ReportData& data);
// How the offsets spread, in 2 ms bins.
std::string histogram_chart(const ReportData& data);
// Each pad's mean offset with its standard deviation.
std::string pad_chart(const ReportData& data);
// The mean offset at each position in the bar.
std::string position_chart(const ReportData& data);
// Each hand's mean offset with its standard deviation.
std::string hands_chart(const ReportData& data);
// Loudness: each pad's, each hand's, and the accents', normal strokes' and ghost notes' mean
// velocity with its standard deviation (velocity_chart.cpp).
std::string velocity_chart(const ReportData& data);

}  // namespace pocket::charts
