#pragma once

#include <string_view>

#include "live/session_events.hpp"

namespace pocket {

// What the click does now, in the live views' words: "heard", "pausing at the bar line".
std::string_view click_words(ClickState click);

// Its name in messages to a page: "count_in", "silent_while_tight".
std::string_view click_state_name(ClickState click);

}  // namespace pocket
