#include "progress_measure.hpp"

#include "core/tempo_text.hpp"

namespace pocket::progress_measure {

Words words(ProgressMeasure measure) {
  if (measure == ProgressMeasure::speed)
    return {"speed", "Speed", "song", "songs", "speed held (% of the song's tempo)"};
  return {"tempo", "Tempo", "drill", "drills", "tempo held (BPM)"};
}

std::string value(ProgressMeasure measure, double held) {
  if (measure == ProgressMeasure::speed) return format_one_decimal(held) + " %";
  return format_bpm(held);
}

}  // namespace pocket::progress_measure
