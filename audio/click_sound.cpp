#include "click_sound.hpp"

#include <algorithm>

namespace pocket {

const std::vector<float>& ClickSound::for_level(ClickLevel level) const {
  switch (level) {
    case ClickLevel::accent: return accent;
    case ClickLevel::beat: return beat;
    case ClickLevel::subdivision: break;
  }
  return subdivision;
}

std::size_t ClickSound::longest() const {
  return std::max({accent.size(), beat.size(), subdivision.size()});
}

}  // namespace pocket
