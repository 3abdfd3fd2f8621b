#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "store/session_record.hpp"

namespace pocket {

// A session the history could not take, kept whole in a file of its own until
// `pocket import` brings it in.
struct RecoveredSession {
  std::string recovery_id;                      // unique per file: the same file is imported once
  std::string history;                          // the history that failed
  std::optional<std::int64_t> history_session;  // the partial copy it holds, if it began
  std::string problem;                          // what the history said
  SessionRecord record;
  std::vector<StoredStroke> strokes;
  std::vector<StoredStep> steps;
};

// A new id for a recovery file: 32 random hexadecimal digits.
std::string new_recovery_id();

nlohmann::json recovery_json(const RecoveredSession& session);

// Reads the text of a recovery file. Throws std::runtime_error naming `file` and the key at
// fault (or where the JSON breaks).
RecoveredSession parse_recovery(const std::string& text, const std::string& file);

// Writes the file beside the history, else in $XDG_STATE_HOME/pocket/recovery, else in /tmp,
// named by the session's start; through a temporary file and a rename, so that no half file
// is left. Returns its path; throws std::runtime_error saying what each place answered.
std::filesystem::path write_recovery_file(const RecoveredSession& session);

}  // namespace pocket
