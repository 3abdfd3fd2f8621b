#pragma once

#include <string>

#include <nlohmann/json.hpp>

#include "store/session_record.hpp"

namespace pocket {

// A stored ladder step and a stored stroke as JSON objects, with every field: what the export
// and the recovery file share.
nlohmann::json stored_step_json(const StoredStep& step);
nlohmann::json stored_stroke_json(const StoredStroke& stroke);
// Stored JSON text (a session's settings or summary) as a value: null when empty, a string
// when it is not JSON, so nothing is lost.
nlohmann::json stored_text_json(const std::string& text);

}  // namespace pocket
