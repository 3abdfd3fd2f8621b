#pragma once

#include <string>
#include <vector>

#include "svg_draw.hpp"

// A chart of one row per item: its name on the left, a bar, a line for its spread and its
// value in words on the right. The pads and hands charts (offsets) and the velocity chart
// draw their rows with it.
namespace pocket::svg {

struct BarRow {
  std::string name;
  std::string css_class;
  double from = 0.0, to = 0.0;   // the bar, in the axis' values
  double low = 0.0, high = 0.0;  // the spread, in the axis' values (clipped to the axis)
  std::string title;             // shown on hover
  std::string value;             // written right of the plot
};

// The chart's height and its plot area: room on the left for the longest name, on the right
// for the values.
struct RowsLayout {
  double height = 0.0;
  Area area;
};
RowsLayout rows_layout(const std::vector<BarRow>& rows);

// The rows over the plot, the bars and spreads placed by `x`.
void bar_rows(std::string& out, const RowsLayout& layout, const Scale& x,
              const std::vector<BarRow>& rows);

}  // namespace pocket::svg
