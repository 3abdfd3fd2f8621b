#pragma once

#include <string>
#include <string_view>

#include "progress_view.hpp"

// The words and numbers of what a progress section follows: a drill's tempo, a song's speed.
namespace pocket::progress_measure {

struct Words {
  std::string_view noun;     // "tempo", "speed"
  std::string_view Noun;     // "Tempo", "Speed": to start a heading
  std::string_view kind;     // "drill", "song": what the section is of
  std::string_view kinds;    // "drills", "songs"
  std::string_view y_title;  // the chart's axis, with its unit
};
Words words(ProgressMeasure measure);

// "120 BPM" for a tempo, "87.5 %" for a speed (to a tenth, as tempos are).
std::string value(ProgressMeasure measure, double held);

}  // namespace pocket::progress_measure
