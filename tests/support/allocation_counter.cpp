#include "allocation_counter.hpp"

#include <atomic>
#include <cstdlib>
#include <new>

namespace {
thread_local bool armed = false;  // counts only the thread that armed it
std::atomic<std::size_t> allocations{0};

void* allocate(std::size_t size) {
  if (armed) allocations.fetch_add(1, std::memory_order_relaxed);
  if (void* p = std::malloc(size == 0 ? 1 : size)) return p;
  throw std::bad_alloc();
}
}  // namespace

void* operator new(std::size_t size) { return allocate(size); }
void* operator new[](std::size_t size) { return allocate(size); }
// The nothrow forms too: they are freed by the delete above, so they must come from malloc
// (AddressSanitizer's own nothrow new is not, and reports every such pair as a mismatch).
void* operator new(std::size_t size, const std::nothrow_t&) noexcept {
  try {
    return allocate(size);
  } catch (const std::bad_alloc&) {
    return nullptr;
  }
}
void* operator new[](std::size_t size, const std::nothrow_t& tag) noexcept {
  return operator new(size, tag);
}
void operator delete(void* p) noexcept { std::free(p); }
void operator delete[](void* p) noexcept { std::free(p); }
void operator delete(void* p, std::size_t) noexcept { std::free(p); }
void operator delete[](void* p, std::size_t) noexcept { std::free(p); }

namespace pocket::test {

AllocationCounter::AllocationCounter() {
  allocations = 0;
  armed = true;
}
AllocationCounter::~AllocationCounter() { armed = false; }
std::size_t AllocationCounter::count() const { return allocations.load(); }

}  // namespace pocket::test
