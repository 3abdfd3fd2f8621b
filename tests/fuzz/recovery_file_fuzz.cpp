// Fuzz target: the history importer. A recovery file's text through parse_recovery, and what it
// accepts through SessionStore::import_session into a real SQLite history in a scratch folder,
// as `pocket import` does.
#include <cstddef>
#include <cstdint>
#include <string>

#include "core/errors.hpp"
#include "fuzz_support.hpp"
#include "live/recovery_file.hpp"
#include "store/session_store.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace pocket;
  static SessionStore store(fuzz::scratch_folder() / "history.sqlite");
  const std::string text(reinterpret_cast<const char*>(data), size);
  RecoveredSession s;
  try {
    s = parse_recovery(text, "fuzz.json");
  } catch (const InputFileError&) {
    return 0;  // not a recovery file, or a malformed one: the documented outcome
  }
  // What the reader accepted, it writes back the same.
  const RecoveredSession again = parse_recovery(recovery_json(s).dump(), "again");
  POCKET_FUZZ_CHECK(again.recovery_id == s.recovery_id);
  POCKET_FUZZ_CHECK(again.strokes.size() == s.strokes.size());
  POCKET_FUZZ_CHECK(again.steps.size() == s.steps.size());

  // The history takes all of it, once, and holds it whole.
  if (store.imported_as(s.recovery_id)) return 0;  // imported by an earlier input
  const std::int64_t id = store.import_session(s.record, s.strokes, s.steps, s.recovery_id, {});
  POCKET_FUZZ_CHECK(store.imported_as(s.recovery_id) == id);
  const auto kept = store.session(id);
  POCKET_FUZZ_CHECK(kept.has_value());
  POCKET_FUZZ_CHECK(kept->drill == s.record.drill);
  POCKET_FUZZ_CHECK(kept->started_at == s.record.started_at);
  POCKET_FUZZ_CHECK(store.strokes(id).size() == s.strokes.size());
  POCKET_FUZZ_CHECK(store.steps(id).size() == s.steps.size());
  // Kept small, so that the thousandth input is as quick as the first.
  POCKET_FUZZ_CHECK(store.remove(id));
  return 0;
}
