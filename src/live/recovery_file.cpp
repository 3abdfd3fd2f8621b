#include "live/recovery_file.hpp"

#include "core/errors.hpp"
#include "store/stored_json.hpp"

#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <limits>
#include <random>
#include <stdexcept>

#include <fmt/format.h>

namespace pocket {

namespace {

constexpr int kFormat = 1;  // the "pocket_recovery" key: bumped if the layout ever changes

std::string as_text(const nlohmann::json& value) {
  if (value.is_null()) return "";
  return value.is_string() ? value.get<std::string>() : value.dump();
}

// Reads the keys of one object, naming the file and the key's path in every error.
class Reader {
 public:
  Reader(const nlohmann::json& object, std::string file, std::string where)
      : object_(object), file_(std::move(file)), where_(std::move(where)) {}

  const nlohmann::json& at(const std::string& key) const {
    if (!object_.contains(key))
      throw InputFileError(fmt::format("{}: the key '{}' is missing", file_, name(key)));
    return object_.at(key);
  }
  std::string text(const std::string& key) const { return checked<std::string>(key, "a text"); }
  double number(const std::string& key) const {
    if (!at(key).is_number()) wrong(key, "a number");
    return at(key).get<double>();
  }
  std::int64_t integer(const std::string& key) const {
    if (!at(key).is_number_integer()) wrong(key, "a whole number");
    return at(key).get<std::int64_t>();
  }
  // A step index, bar count or velocity: stored as an int, so a larger number is an error
  // rather than a silently different value.
  int small_integer(const std::string& key) const {
    const std::int64_t value = integer(key);
    if (value < std::numeric_limits<int>::min() || value > std::numeric_limits<int>::max())
      wrong(key, "a whole number of at most 10 digits");
    return static_cast<int>(value);
  }
  std::string where() const { return where_; }
  bool flag(const std::string& key) const { return checked<bool>(key, "true or false"); }
  Reader object(const std::string& key) const {
    if (!at(key).is_object()) wrong(key, "an object");
    return {at(key), file_, name(key) + "."};
  }
  const nlohmann::json& array(const std::string& key) const {
    if (!at(key).is_array()) wrong(key, "a list");
    return at(key);
  }
  Reader item(const std::string& key, std::size_t i) const {
    const nlohmann::json& value = array(key)[i];
    const std::string where = fmt::format("{}[{}]", name(key), i);
    if (!value.is_object())
      throw InputFileError(fmt::format("{}: '{}' should be an object", file_, where));
    return {value, file_, where + "."};
  }

 private:
  std::string name(const std::string& key) const { return where_ + key; }
  [[noreturn]] void wrong(const std::string& key, const char* what) const {
    throw InputFileError(fmt::format("{}: the key '{}' should be {}", file_, name(key), what));
  }
  template <typename T>
  T checked(const std::string& key, const char* what) const {
    const nlohmann::json& value = at(key);
    if constexpr (std::is_same_v<T, bool>) {
      if (!value.is_boolean()) wrong(key, what);
    } else {
      if (!value.is_string()) wrong(key, what);
    }
    return value.get<T>();
  }

  const nlohmann::json& object_;
  std::string file_;
  std::string where_;
};

// Writes `text` to `folder`/`name` through a temporary file; "" when done, else why not.
std::string write_through_rename(const std::filesystem::path& folder, const std::string& name,
                                 const std::string& text) {
  std::error_code error;
  std::filesystem::create_directories(folder, error);
  if (error) return error.message();
  std::string temporary = (folder / ("." + name + ".XXXXXX")).string();
  const int fd = mkstemp(temporary.data());
  if (fd < 0) return std::strerror(errno);
  std::FILE* file = fdopen(fd, "w");
  const bool written = file != nullptr &&
                       std::fwrite(text.data(), 1, text.size(), file) == text.size() &&
                       std::fflush(file) == 0 && fsync(fd) == 0;
  const int write_errno = errno;
  const bool closed = file != nullptr ? std::fclose(file) == 0 : close(fd) == 0;
  if (!written || !closed) {
    std::remove(temporary.c_str());
    return std::strerror(written ? errno : write_errno);
  }
  if (std::rename(temporary.c_str(), (folder / name).c_str()) != 0) {
    const std::string why = std::strerror(errno);
    std::remove(temporary.c_str());
    return why;
  }
  return "";
}

std::filesystem::path state_home() {
  if (const char* xdg = std::getenv("XDG_STATE_HOME"); xdg != nullptr && *xdg != '\0') return xdg;
  const char* home = std::getenv("HOME");
  return std::filesystem::path(home != nullptr ? home : ".") / ".local" / "state";
}

}  // namespace

std::string new_recovery_id() {
  std::random_device random;
  std::string id;
  for (int i = 0; i < 4; ++i) id += fmt::format("{:08x}", random());
  return id;
}

nlohmann::json recovery_json(const RecoveredSession& s) {
  const SessionRecord& r = s.record;
  nlohmann::json j;
  j["pocket_recovery"] = kFormat;
  j["recovery_id"] = s.recovery_id;
  j["history"] = s.history;
  j["history_session"] =
      s.history_session ? nlohmann::json(*s.history_session) : nlohmann::json(nullptr);
  j["problem"] = s.problem;
  j["session"] = {{"started_at", r.started_at},
                  {"ended_at", r.ended_at},
                  {"drill", r.drill},
                  {"drill_fingerprint", r.drill_fingerprint},
                  {"settings", stored_text_json(r.settings_json)},
                  {"audio_device", r.audio_device},
                  {"midi_port", r.midi_port},
                  {"output_latency_ms", r.output_latency_ms},
                  {"calibration_ms", r.calibration_ms},
                  {"input_latency_ms", r.input_latency_ms},
                  {"precision_bound_ms", r.precision_bound_ms},
                  {"bpm_low", r.bpm_low},
                  {"bpm_high", r.bpm_high},
                  {"status", r.status},
                  {"verdict", r.verdict},
                  {"note", r.note}};
  j["summary"] = stored_text_json(r.summary_json);
  j["steps"] = nlohmann::json::array();
  for (const StoredStep& st : s.steps) j["steps"].push_back(stored_step_json(st));
  j["strokes"] = nlohmann::json::array();
  for (const StoredStroke& k : s.strokes) j["strokes"].push_back(stored_stroke_json(k));
  return j;
}

RecoveredSession parse_recovery(const std::string& text, const std::string& file) {
  nlohmann::json j;
  try {
    j = nlohmann::json::parse(text);
  } catch (const nlohmann::json::exception& e) {  // parse_error, or out_of_range for 1e999
    throw InputFileError(fmt::format("{}: not a recovery file (not JSON: {})", file, e.what()));
  }
  if (!j.is_object() || !j.contains("pocket_recovery"))
    throw InputFileError(fmt::format("{}: not a recovery file (no key 'pocket_recovery')", file));
  const Reader top(j, file, "");
  if (top.integer("pocket_recovery") != kFormat)
    throw InputFileError(fmt::format("{}: a recovery file of format {}; this pocket reads {}", file,
                                     top.integer("pocket_recovery"), kFormat));
  RecoveredSession s;
  s.recovery_id = top.text("recovery_id");
  if (s.recovery_id.empty())
    throw InputFileError(fmt::format("{}: the key 'recovery_id' is empty", file));
  s.history = top.text("history");
  if (!top.at("history_session").is_null()) s.history_session = top.integer("history_session");
  s.problem = top.text("problem");
  const Reader session = top.object("session");
  SessionRecord& r = s.record;
  r.started_at = session.text("started_at");
  r.ended_at = session.text("ended_at");
  r.drill = session.text("drill");
  r.drill_fingerprint = session.text("drill_fingerprint");
  r.settings_json = as_text(session.at("settings"));
  r.audio_device = session.text("audio_device");
  r.midi_port = session.text("midi_port");
  r.output_latency_ms = session.number("output_latency_ms");
  r.calibration_ms = session.number("calibration_ms");
  r.input_latency_ms = session.number("input_latency_ms");
  r.precision_bound_ms = session.number("precision_bound_ms");
  r.bpm_low = session.number("bpm_low");
  r.bpm_high = session.number("bpm_high");
  r.status = session.text("status");
  r.verdict = session.text("verdict");
  r.note = session.text("note");
  r.summary_json = as_text(top.at("summary"));
  for (std::size_t i = 0; i < top.array("steps").size(); ++i) {
    const Reader st = top.item("steps", i);
    const int index = st.small_integer("index");
    // The history keeps one row per step index: a repeated one would silently replace a step.
    for (const StoredStep& earlier : s.steps)
      if (earlier.index == index)
        throw InputFileError(fmt::format(
            "{}: the key '{}index' is {}, the index of an earlier step", file, st.where(), index));
    s.steps.push_back({index, st.number("bpm"), st.small_integer("bars"), st.flag("complete"),
                       st.flag("passed"), st.integer("hits"), st.integer("missed"),
                       st.number("mean_offset_ms"), st.number("sd_offset_ms"),
                       st.number("slots_within_25ms"), st.integer("first_bar")});
  }
  for (std::size_t i = 0; i < top.array("strokes").size(); ++i) {
    const Reader k = top.item("strokes", i);
    s.strokes.push_back({k.integer("frame"), k.number("seconds"), k.text("pad"),
                         k.small_integer("velocity"), k.integer("slot"), k.integer("bar"),
                         k.number("offset_ms"), k.flag("matched"), k.flag("click_heard")});
  }
  return s;
}

std::filesystem::path write_recovery_file(const RecoveredSession& session) {
  // Named by the start, e.g. pocket-recovery-2026-11-25T21-30-00Z-1a2b3c.json: colons are
  // awkward in file names, and the id's first digits keep two sessions of a second apart.
  std::string start = session.record.started_at;
  for (char& c : start) c = c == ':' ? '-' : c;
  const std::string name =
      fmt::format("pocket-recovery-{}-{}.json", start, session.recovery_id.substr(0, 6));
  const std::string text = recovery_json(session).dump(2) + "\n";
  const std::filesystem::path beside = std::filesystem::path(session.history).parent_path();
  const std::filesystem::path places[] = {beside.empty() ? "." : beside,
                                          state_home() / "pocket" / "recovery", "/tmp"};
  std::string answers;
  for (const std::filesystem::path& folder : places) {
    const std::string why = write_through_rename(folder, name, text);
    if (why.empty()) return std::filesystem::absolute(folder / name);
    answers += fmt::format("{}{}: {}", answers.empty() ? "" : "; ", folder.string(), why);
  }
  throw std::runtime_error(answers);
}

}  // namespace pocket
