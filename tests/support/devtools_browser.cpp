#include "support/devtools_browser.hpp"

#include <fcntl.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <fstream>
#include <optional>
#include <stdexcept>
#include <thread>
#include <vector>

#include <boost/asio/ip/address.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/core/detail/base64.hpp>
#include <boost/beast/websocket.hpp>

namespace pocket::test {

namespace asio = boost::asio;
namespace beast = boost::beast;
using json = nlohmann::json;
using Clock = std::chrono::steady_clock;
using namespace std::chrono_literals;

namespace {

const std::string kChromium = "/usr/bin/chromium";
// The longest any one command may take, and the browser to start: a hung browser fails the
// test instead of hanging it.
constexpr auto kCallLimit = 30s;
constexpr auto kStartLimit = 20s;

}  // namespace

// The one WebSocket to the browser; pages talk through it with their session ids.
class DevtoolsConnection {
 public:
  DevtoolsConnection(unsigned short port, const std::string& path, std::string log)
      : ws_(ioc_), log_(std::move(log)) {
    const auto deadline = Clock::now() + kCallLimit;
    const asio::ip::tcp::endpoint endpoint(asio::ip::make_address("127.0.0.1"), port);
    finish(deadline, "connecting to Chromium",
           [&](auto done) { beast::get_lowest_layer(ws_).async_connect(endpoint, done); });
    ws_.read_message_max(256 << 20);  // screenshots of tall pages are megabytes of base64
    finish(deadline, "the DevTools handshake", [&](auto done) {
      ws_.async_handshake("127.0.0.1:" + std::to_string(port), path, done);
    });
  }

  // Sends a command (to the browser, or to a page's `session`) and reads messages until its
  // reply has come and, if asked, the event `await_event` of the same session: either may come
  // first. Other events are dropped. Returns the reply's result.
  json call(const std::string& method, const json& params, const std::string& session,
            const std::string& await_event) {
    if (!broken_.empty()) throw std::runtime_error(method + ": an earlier call failed: " + broken_);
    const auto deadline = Clock::now() + kCallLimit;
    const int id = ++last_id_;
    json command = {{"id", id}, {"method", method}, {"params", params}};
    if (!session.empty()) command["sessionId"] = session;
    const std::string text = command.dump();
    finish(deadline, method, [&](auto done) { ws_.async_write(asio::buffer(text), done); });

    std::optional<json> reply;
    bool event_seen = await_event.empty();
    // A failed command (or navigation) fires no event to wait for.
    const auto failed = [&] {
      return reply->contains("error") ||
             reply->value("result", json::object()).contains("errorText");
    };
    while (!reply || !(event_seen || failed())) {
      beast::flat_buffer buffer;
      finish(deadline, method, [&](auto done) { ws_.async_read(buffer, done); });
      json message = json::parse(beast::buffers_to_string(buffer.data()));
      if (message.value("id", 0) == id)
        reply = std::move(message);
      else if (!event_seen && message.value("method", "") == await_event &&
               message.value("sessionId", "") == session)
        event_seen = true;
    }
    if (reply->contains("error"))
      throw std::runtime_error(method + ": " + (*reply)["error"].value("message", "failed"));
    json result = reply->value("result", json::object());
    if (result.contains("errorText"))  // Page.navigate's, of a page that did not load
      throw std::runtime_error(method + ": " + result["errorText"].get<std::string>());
    return result;
  }

 private:
  // Runs one asynchronous operation to its end, or closes the socket at `deadline`: Beast's
  // synchronous calls have no timeout.
  template <class Start>
  void finish(Clock::time_point deadline, const std::string& what, Start start) {
    std::optional<beast::error_code> result;
    start([&result](beast::error_code ec, auto&&...) { result = ec; });
    ioc_.restart();
    ioc_.run_until(deadline);
    if (!result) {
      // The operation refers to locals here: let it end (aborted) before they go.
      beast::get_lowest_layer(ws_).close();
      ioc_.restart();
      ioc_.run();
      broken_ = "Chromium did not answer within 30 s (" + what + "); its stderr is in " + log_;
      throw std::runtime_error(broken_);
    }
    if (*result) {
      broken_ = what + ": " + result->message() + "; Chromium's stderr is in " + log_;
      throw std::runtime_error(broken_);
    }
  }

  asio::io_context ioc_;
  beast::websocket::stream<beast::tcp_stream> ws_;
  std::string log_;
  int last_id_ = 0;
  std::string broken_;  // why the connection is no longer usable, once it is not
};

DevtoolsBrowser::DevtoolsBrowser(std::filesystem::path profile_dir)
    : profile_dir_(std::move(profile_dir)) {
  std::filesystem::create_directories(profile_dir_);
  const auto port_file = profile_dir_ / "DevToolsActivePort";
  std::filesystem::remove(port_file);  // an earlier browser's, from a reused profile
  const std::string log = log_file().string();

  // Everything the child needs is made before fork: after it, only exec-safe calls.
  std::vector<std::string> args = {kChromium,       "--headless=new", "--no-sandbox",
                                   "--disable-gpu", "--no-first-run", "--no-default-browser-check"};
  // Nothing phoning home, as in browser_test.cpp, and no tab's timers slowed in the background.
  args.insert(args.end(),
              {"--disable-background-networking", "--disable-component-update", "--disable-sync",
               "--disable-background-timer-throttling", "--disable-renderer-backgrounding",
               "--disable-backgrounding-occluded-windows"});
  // Any free port: Chromium writes it to port_file.
  args.insert(args.end(), {"--remote-debugging-address=127.0.0.1", "--remote-debugging-port=0",
                           "--user-data-dir=" + profile_dir_.string(), "about:blank"});
  std::vector<char*> argv;
  for (std::string& a : args) argv.push_back(a.data());
  argv.push_back(nullptr);
  const pid_t parent = getpid();
  pid_ = fork();
  if (pid_ < 0) throw std::runtime_error("cannot fork to start " + kChromium);
  if (pid_ == 0) {
    setpgid(0, 0);                     // a process group of its own, which stop() ends whole
    prctl(PR_SET_PDEATHSIG, SIGKILL);  // and no browser outlives a crashed test
    if (getppid() != parent) _exit(127);
    const int in = ::open("/dev/null", O_RDONLY);
    const int err = ::open(log.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    dup2(in, STDIN_FILENO);
    dup2(err, STDOUT_FILENO);
    dup2(err, STDERR_FILENO);
    execv(argv[0], argv.data());
    _exit(127);
  }
  setpgid(pid_, pid_);  // here too, so the group exists whichever process runs first

  try {
    // Chromium writes its port and the browser's WebSocket path once it listens.
    const auto until = Clock::now() + kStartLimit;
    unsigned short port = 0;
    std::string path;
    while (!(std::ifstream(port_file) >> port >> path) || !path.starts_with("/devtools/")) {
      if (waitpid(pid_, nullptr, WNOHANG) == pid_) {
        exited_ = true;
        throw std::runtime_error(kChromium + " ended at start; its stderr is in " + log);
      }
      if (Clock::now() > until)
        throw std::runtime_error(kChromium + " wrote no " + port_file.string() +
                                 " within 20 s; its stderr is in " + log);
      std::this_thread::sleep_for(50ms);
    }
    connection_ = std::make_shared<DevtoolsConnection>(port, path, log);
  } catch (...) {
    stop();
    throw;
  }
}

DevtoolsBrowser::~DevtoolsBrowser() {
  connection_.reset();
  stop();
}

void DevtoolsBrowser::stop() {
  if (pid_ <= 0) return;
  // SIGTERM first, so that the browser ends and reaps its own helpers; then SIGKILL to the
  // whole group, for whatever is left or hung.
  if (!exited_) {
    ::kill(pid_, SIGTERM);
    const auto until = Clock::now() + 5s;
    while (!exited_ && Clock::now() < until) {
      exited_ = waitpid(pid_, nullptr, WNOHANG) == pid_;
      if (!exited_) std::this_thread::sleep_for(20ms);
    }
  }
  ::kill(-pid_, SIGKILL);
  if (!exited_) waitpid(pid_, nullptr, 0);
  exited_ = true;
  pid_ = -1;
}

DevtoolsPage DevtoolsBrowser::open(const std::string& url, int width, int height) {
  // The tab starts blank, so that its viewport is set and its load event watched before the
  // page loads: no test ever sees the page at another size, or before it has loaded.
  const json target = connection_->call("Target.createTarget",
                                        {{"url", "about:blank"}, {"newWindow", true}}, "", "");
  const json attached = connection_->call(
      "Target.attachToTarget", {{"targetId", target["targetId"]}, {"flatten", true}}, "", "");
  DevtoolsPage page(connection_, attached["sessionId"].get<std::string>());
  page.call("Page.enable", json::object());  // for Page.loadEventFired
  page.set_viewport(width, height);
  page.call("Page.navigate", {{"url", url}}, "Page.loadEventFired");
  return page;
}

DevtoolsPage::DevtoolsPage(std::shared_ptr<DevtoolsConnection> connection, std::string session)
    : connection_(std::move(connection)), session_(std::move(session)) {}

json DevtoolsPage::call(const std::string& method, const json& params,
                        const std::string& await_event) {
  return connection_->call(method, params, session_, await_event);
}

json DevtoolsPage::evaluate(const std::string& expression) {
  // userGesture: a click made here may start audio, as a real one would.
  const json reply = call("Runtime.evaluate", {{"expression", expression},
                                               {"awaitPromise", true},
                                               {"returnByValue", true},
                                               {"userGesture", true}});
  if (reply.contains("exceptionDetails")) {
    const json& details = reply["exceptionDetails"];
    const json thrown = details.value("exception", json::object());
    if (thrown.contains("description"))  // an Error: "TypeError: message" and its stack
      throw std::runtime_error(thrown["description"].get<std::string>());
    std::string text = details.value("text", "Uncaught");  // anything else thrown
    if (thrown.contains("value")) text += ": " + thrown["value"].dump();
    throw std::runtime_error(text);
  }
  const json& result = reply["result"];
  if (result.contains("unserializableValue")) return result["unserializableValue"];
  return result.value("value", json());
}

bool DevtoolsPage::wait_for(const std::string& expression, std::chrono::milliseconds timeout) {
  const auto until = Clock::now() + timeout;
  // Truthy as JavaScript judges it; the newlines end any // comment at the expression's end.
  const std::string truthy = "(async () => !!(await (\n" + expression + "\n)))()";
  for (;;) {
    if (evaluate(truthy) == true) return true;
    if (Clock::now() >= until) return false;
    std::this_thread::sleep_for(20ms);
  }
}

void DevtoolsPage::set_viewport(int width, int height) {
  call("Emulation.setDeviceMetricsOverride",
       {{"width", width}, {"height", height}, {"deviceScaleFactor", 1}, {"mobile", false}});
}

void DevtoolsPage::screenshot(const std::filesystem::path& png) {
  const std::string data = call("Page.captureScreenshot", {{"format", "png"}})["data"];
  std::string bytes(beast::detail::base64::decoded_size(data.size()), '\0');
  const auto [written, read] =
      beast::detail::base64::decode(bytes.data(), data.data(), data.size());
  // Decoding stops at the padding, or at the first character that is not base64.
  if (data.find_first_not_of('=', read) != std::string::npos)
    throw std::runtime_error("Page.captureScreenshot: bad base64");
  bytes.resize(written);
  std::ofstream out(png, std::ios::binary);
  if (!out.write(bytes.data(), static_cast<std::streamsize>(bytes.size())))
    throw std::runtime_error("cannot write " + png.string());
}

void DevtoolsPage::reload() { call("Page.reload", json::object(), "Page.loadEventFired"); }

}  // namespace pocket::test
