#pragma once

#include <string>

#include <nlohmann/json.hpp>

namespace pocket {

// What the click modes did, in words, a line each, from their JSON (`click_modes_json`).
std::string click_modes_text(const nlohmann::json& click_modes);

}  // namespace pocket
