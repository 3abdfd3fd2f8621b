// pocket import FILE: a session the history could not take, brought in from its recovery file.
#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>

#include <fmt/format.h>
#include <boost/program_options.hpp>

#include "command.hpp"
#include "command_line.hpp"
#include "core/errors.hpp"
#include "history/session_digest.hpp"
#include "history_files.hpp"
#include "live/recovery_file.hpp"

namespace po = boost::program_options;

namespace pocket::app {

namespace {

std::string read_file(const std::string& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) throw InputFileError(fmt::format("cannot read {}: {}", file, std::strerror(errno)));
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

// The partial copy the failing session left in this history: same id, start and drill, and
// never finished. It holds a part of what the file holds, so the file's session replaces it.
std::optional<std::int64_t> partial_copy(const SessionStore& store, const RecoveredSession& s) {
  if (!s.history_session) return std::nullopt;
  const std::optional<SessionRecord> there = store.session(*s.history_session);
  if (!there || there->status != "running" || there->started_at != s.record.started_at ||
      there->drill != s.record.drill)
    return std::nullopt;
  return there->id;
}

}  // namespace

int run_import(const std::vector<std::string>& args) {
  std::string file, db;
  po::options_description options(
      "pocket import FILE: bring in a session that the history could not take when it was\n"
      "played (a full disk, a read-only file): pocket kept it in a recovery file and printed\n"
      "its path. Each file is imported once.\n\noptions");
  options.add_options()("help,h", "show this help")("file", po::value(&file)->required(),
                                                    "the recovery file")("db", po::value(&db),
                                                                         "the history database");
  po::positional_options_description positional;
  positional.add("file", 1);
  po::variables_map vm;
  if (!parse_command_line(args, options, positional, vm,
                          "pocket import ~/.local/share/pocket/"
                          "pocket-recovery-2026-11-25T21-30-00Z-1a2b3c.json"))
    return kExitOk;

  RecoveredSession s = parse_recovery(read_file(file), file);
  SessionStore store = open_writable_store(db, "fix its permissions, or use --db FILE");
  if (const auto id = store.imported_as(s.recovery_id)) {
    throw std::runtime_error(fmt::format(
        "{} is already in the history as session {} ('pocket show {}'): nothing was imported", file,
        *id, *id));
  }
  const std::optional<std::int64_t> replaces = partial_copy(store, s);
  const std::string from = std::filesystem::absolute(file).string();
  s.record.note += fmt::format("{}imported from {}", s.record.note.empty() ? "" : "; ", from);
  const std::int64_t id =
      store.import_session(s.record, s.strokes, s.steps, s.recovery_id, replaces);
  keep_digest(store, id);
  fmt::print("imported {} as session {} ({} strokes; 'pocket show {}')\n", file, id,
             s.strokes.size(), id);
  if (replaces)
    fmt::print("it replaces session {}, the part the history had kept when it failed\n", *replaces);
  return kExitOk;
}

}  // namespace pocket::app
