#pragma once

#include <optional>
#include <span>
#include <string>
#include <vector>

namespace pocket {

// One session on the way: the tempo it consolidated (held by the pass rule) and its spread.
struct ProgressPoint {
  std::string date;  // YYYY-MM-DD
  std::string drill;
  std::optional<double> consolidated_bpm;  // none when no tempo held
  double sd_ms = 0.0;
};

// ▁▂▃▄▅▆▇█ for the values, lowest to highest; a gap (space) for a missing one.
std::string sparkline(std::span<const std::optional<double>> values);

// A self-contained HTML page with the consolidated tempo and the SD over time.
std::string progress_html(const std::vector<ProgressPoint>& points, const std::string& suggestion);

}  // namespace pocket
