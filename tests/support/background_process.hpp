#pragma once

#include <signal.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <fcntl.h>

#include <chrono>
#include <filesystem>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

namespace pocket::test {

// A program running beside the test, its output in files. Ended (SIGTERM, then SIGKILL) when
// the object goes, so no test leaves a process behind.
class BackgroundProcess {
 public:
  BackgroundProcess(const std::string& program, const std::vector<std::string>& args,
                    const std::filesystem::path& out, const std::filesystem::path& err) {
    std::vector<std::string> all = {program};
    all.insert(all.end(), args.begin(), args.end());
    std::vector<char*> argv;
    for (std::string& a : all) argv.push_back(a.data());
    argv.push_back(nullptr);
    const pid_t parent = getpid();
    pid_ = fork();
    if (pid_ < 0) throw std::runtime_error("cannot start " + program);
    if (pid_ == 0) {
      // If the test dies, so does this program: nothing is left behind.
      prctl(PR_SET_PDEATHSIG, SIGKILL);
      if (getppid() != parent) _exit(127);
      const int in = open("/dev/null", O_RDONLY);
      const int o = open(out.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
      const int e = open(err.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
      dup2(in, STDIN_FILENO);
      dup2(o, STDOUT_FILENO);
      dup2(e, STDERR_FILENO);
      execv(program.c_str(), argv.data());
      _exit(127);
    }
  }
  ~BackgroundProcess() {
    if (pid_ > 0 && !exited_) stop();
  }
  BackgroundProcess(const BackgroundProcess&) = delete;
  BackgroundProcess& operator=(const BackgroundProcess&) = delete;

  void signal(int number) const { ::kill(pid_, number); }

  // Waits up to `limit` for the program to end by itself; returns its exit code, or -1.
  int wait(std::chrono::seconds limit) {
    const auto until = std::chrono::steady_clock::now() + limit;
    while (std::chrono::steady_clock::now() < until) {
      int status = 0;
      if (waitpid(pid_, &status, WNOHANG) == pid_) {
        exited_ = true;
        return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    return -1;
  }

  // SIGTERM, and SIGKILL if it does not end within five seconds. Returns the exit code.
  int stop() {
    if (exited_) return -1;
    signal(SIGTERM);
    const int code = wait(std::chrono::seconds(5));
    if (!exited_) {
      signal(SIGKILL);
      waitpid(pid_, nullptr, 0);
      exited_ = true;
    }
    return code;
  }

 private:
  pid_t pid_ = -1;
  bool exited_ = false;
};

}  // namespace pocket::test
