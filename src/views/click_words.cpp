#include "views/click_words.hpp"

namespace pocket {

std::string_view click_words(ClickState click) {
  switch (click) {
    case ClickState::count_in: return "count-in";
    case ClickState::heard: return "heard";
    case ClickState::muted: return "left out";
    case ClickState::gap: return "gap bar";
    case ClickState::silent_while_tight: return "silent while tight";
    case ClickState::quiet_count: return "quiet count gap";
    case ClickState::pausing: return "pausing at the bar line";
    case ClickState::paused: return "paused";
    case ClickState::waiting_for_hit: return "waiting for a hit";
  }
  return "";
}

std::string_view click_state_name(ClickState click) {
  switch (click) {
    case ClickState::count_in: return "count_in";
    case ClickState::heard: return "heard";
    case ClickState::muted: return "muted";
    case ClickState::gap: return "gap";
    case ClickState::silent_while_tight: return "silent_while_tight";
    case ClickState::quiet_count: return "quiet_count";
    case ClickState::pausing: return "pausing";
    case ClickState::paused: return "paused";
    case ClickState::waiting_for_hit: return "waiting_for_hit";
  }
  return "";
}

}  // namespace pocket
