#pragma once

#include <cstddef>

namespace pocket::test {

// Counts calls to the global operator new on this thread while armed. Linking
// allocation_counter.cpp into a test program replaces the global allocation functions for that
// program.
class AllocationCounter {
 public:
  AllocationCounter();   // arms
  ~AllocationCounter();  // disarms
  std::size_t count() const;
};

}  // namespace pocket::test
