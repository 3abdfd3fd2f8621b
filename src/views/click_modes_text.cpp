// What the click modes did, in words, from their JSON (live and kept sessions alike).
#include "views/click_modes_text.hpp"

#include <fmt/format.h>

namespace pocket {

namespace {

std::string bars(std::int64_t n) { return fmt::format("{} bar{}", n, n == 1 ? "" : "s"); }

}  // namespace

std::string click_modes_text(const nlohmann::json& m) {
  if (!m.is_object()) return "";
  std::string out;
  if (const auto it = m.find("random_mute"); it != m.end()) {
    out += fmt::format("random mute: {} of {} clicks left out (rising to {:g}% over {})\n",
                       it->value("muted", 0), it->value("clicks", 0), it->value("percent", 0.0),
                       bars(it->value("rise_bars", 0)));
  }
  if (const auto it = m.find("silent"); it != m.end()) {
    out += fmt::format("without the click: {:.0f} s in all, the longest stretch {:.0f} s ({})\n",
                       it->value("seconds", 0.0), it->value("longest_seconds", 0.0),
                       bars(it->value("longest_bars", 0)));
  }
  if (const auto it = m.find("quiet_count"); it != m.end() && it->contains("gaps")) {
    int held = 0, gaps = 0;
    std::int64_t longest = 0;
    for (const auto& gap : (*it)["gaps"]) {
      ++gaps;
      if (!gap.value("held", false)) continue;
      ++held;
      longest = std::max<std::int64_t>(longest, gap.value("bars", 0));
    }
    if (gaps > 0) {
      out += fmt::format("quiet count: {} of {} gaps held{}\n", held, gaps,
                         longest > 0 ? ", the longest " + bars(longest) : "");
    }
  }
  return out;
}

}  // namespace pocket
