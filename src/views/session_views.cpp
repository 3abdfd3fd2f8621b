#include "views/session_views.hpp"

#include <unistd.h>

#include <fmt/format.h>

#include "core/errors.hpp"
#include "views/line_view.hpp"
#include "views/live_result_json.hpp"
#include "views/screen_view.hpp"

namespace pocket {

namespace {

// The session's results as one JSON object on standard output, once it has ended.
class JsonResultView final : public SessionView {
 public:
  explicit JsonResultView(const LiveOptions& live) : live_(live) {}
  void ended(const LiveResult& result) override {
    fmt::print("{}\n", live_result_json(live_, result));
    std::fflush(stdout);
  }

 private:
  const LiveOptions& live_;
};

bool full_screen(const ViewChoice& o) {
  const bool terminal = isatty(STDIN_FILENO) != 0 && isatty(STDOUT_FILENO) != 0;
  if (o.view == "lines") return false;
  if (o.view == "screen") {
    if (o.json) throw UsageError("--view screen and --json both want the terminal: choose one");
    if (!terminal) throw UsageError("--view screen needs a terminal");
    return true;
  }
  if (o.view != "auto")
    throw UsageError(fmt::format("--view {}: use auto, screen or lines", o.view));
  return terminal && !o.json;
}

}  // namespace

SessionViews::SessionViews(const ViewChoice& o, LiveOptions& live) {
  if (full_screen(o)) {
    screen_ = std::make_unique<FullScreen>();
    display_ = std::make_unique<ScreenView>(*screen_);
    live.keys = screen_.get();
  } else {
    display_ = std::make_unique<LineView>(live.feedback, !o.quiet);
  }
  live.views.push_back(display_.get());
  if (o.json) {
    json_ = std::make_unique<JsonResultView>(live);
    live.views.push_back(json_.get());
  }
}

SessionViews::~SessionViews() = default;

}  // namespace pocket
