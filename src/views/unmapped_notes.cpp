#include "views/unmapped_notes.hpp"

#include <fmt/format.h>

namespace pocket {

namespace {

// "22", "22 and 26", "22, 26 and 41".
std::string and_list(const std::vector<std::string>& items) {
  std::string out;
  for (std::size_t i = 0; i < items.size(); ++i) {
    out += (i == 0 ? "" : i + 1 == items.size() ? " and " : ", ") + items[i];
  }
  return out;
}

// The kit preset that covers the most of these strokes with notes its document confirms, then
// the most in all.
std::optional<DrumMap> best_kit(const std::map<int, std::int64_t>& notes, const DrumMap& current,
                                const PresetLibrary& library) {
  std::optional<DrumMap> best;
  std::pair<std::int64_t, std::int64_t> best_covered{0, 0};  // (confirmed, all)
  for (DrumMap& kit : library.readable_kits()) {
    if (kit.name() == current.name()) continue;
    std::pair<std::int64_t, std::int64_t> covered{0, 0};
    for (const auto& [note, count] : notes) {
      if (kit.pad_of(note) < 0) continue;
      covered.second += count;
      if (!kit.unconfirmed(note)) covered.first += count;
    }
    if (covered > best_covered) best_covered = covered, best = std::move(kit);
  }
  return best;
}

}  // namespace

std::string unmapped_notes_text(const std::map<int, std::int64_t>& notes, const DrumMap& kit,
                                const PresetLibrary& library) {
  if (notes.empty()) return "";
  std::int64_t strokes = 0;
  std::vector<std::string> numbers;
  for (const auto& [note, count] : notes) {
    strokes += count;
    numbers.push_back(std::to_string(note));
  }
  std::string text = fmt::format(
      "{} stroke{} on note{} {} {} not scored: the {} kit map does not "
      "cover {}",
      strokes, strokes == 1 ? "" : "s", notes.size() == 1 ? "" : "s", and_list(numbers),
      strokes == 1 ? "was" : "were", kit.name(), notes.size() == 1 ? "it" : "them");
  const std::optional<DrumMap> other = best_kit(notes, kit, library);
  if (!other) return text;
  std::vector<std::string> meanings;
  for (const auto& [note, count] : notes) {
    if (other->pad_of(note) >= 0) meanings.push_back(other->describe(note));
  }
  return text + fmt::format("; in the {} kit {} {}; try --drum-map {}", other->name(),
                            notes.size() == 1 ? "it is" : "they are", and_list(meanings),
                            other->name());
}

}  // namespace pocket
