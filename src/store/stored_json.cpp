#include "store/stored_json.hpp"

namespace pocket {

nlohmann::json stored_step_json(const StoredStep& st) {
  return {{"index", st.index},
          {"bpm", st.bpm},
          {"bars", st.bars},
          {"complete", st.complete},
          {"passed", st.passed},
          {"hits", st.hits},
          {"missed", st.missed},
          {"mean_offset_ms", st.mean_offset_ms},
          {"sd_offset_ms", st.sd_offset_ms},
          {"slots_within_25ms", st.slots_within_25ms},
          {"first_bar", st.first_bar}};
}

nlohmann::json stored_stroke_json(const StoredStroke& k) {
  return {{"frame", k.frame},         {"seconds", k.seconds}, {"pad", k.pad},
          {"velocity", k.velocity},   {"slot", k.slot},       {"bar", k.bar},
          {"offset_ms", k.offset_ms}, {"matched", k.matched}, {"click_heard", k.click_heard}};
}

nlohmann::json stored_text_json(const std::string& text) {
  if (text.empty()) return nullptr;
  nlohmann::json value = nlohmann::json::parse(text, nullptr, false);
  return value.is_discarded() ? nlohmann::json(text) : value;
}

}  // namespace pocket
