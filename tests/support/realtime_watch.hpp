#pragma once

#include <cstddef>

namespace pocket::test {

// Counts what real-time code must not do: allocate (malloc, calloc, realloc, the aligned
// forms, and through them every operator new) and take a lock (mutexes, read-write and spin
// locks, semaphores). Linking realtime_watch.cpp into a test program puts counting versions of
// those functions in front of the C library's for the whole program; only armed threads count.
struct RealtimeCounts {
  std::size_t allocations = 0;
  std::size_t locks = 0;
  std::size_t calls = 0;  // callbacks watched (CallbackWatch only)
};

// Arms the thread it is made on, for its lifetime, and counts from zero.
class ArmedThread {
 public:
  ArmedThread();
  ~ArmedThread();
  ArmedThread(const ArmedThread&) = delete;
  ArmedThread& operator=(const ArmedThread&) = delete;
  RealtimeCounts counts() const;
};

// While it lives (one at a time), arms pocket's real audio and MIDI callbacks, on whatever
// thread the audio or MIDI library calls them, through core/realtime_probe.hpp.
class CallbackWatch {
 public:
  CallbackWatch();
  ~CallbackWatch();
  CallbackWatch(const CallbackWatch&) = delete;
  CallbackWatch& operator=(const CallbackWatch&) = delete;
  RealtimeCounts counts() const;
};

}  // namespace pocket::test
