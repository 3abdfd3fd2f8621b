#include "callback_guard.hpp"

#include <chrono>
#include <thread>

namespace pocket {

bool CallbackGuard::abandon() {
  abandoned_.store(true);
  for (int i = 0; i < 1000; ++i) {
    if (running_.load() == 0) return true;
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
  return running_.load() == 0;
}

}  // namespace pocket
